package dev.nabla.explorer;

import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import dev.nabla.symbolic.Formula;
import dev.nabla.symbolic.expr.Expr;
import dev.nabla.symbolic.expr.Function;
import dev.nabla.symbolic.simplify.Substitution;

import java.util.List;
import java.util.Map;

/**
 * The field in polar coordinates x = r cos θ, y = r sin θ, as the documents write it: φ(r, θ) = f(r cos θ, r sin θ),
 * D_{e_r} f = ∂φ/∂r and D_{e_θ} f = (1/r) ∂φ/∂θ, so that ∇f = f_r e_r + (1/r) f_θ e_θ. The partials of φ are
 * differentiated symbolically from φ itself (not from ∇f), so that the identity is a check, not a definition.
 *
 * @param r           r = ‖(x, y)‖
 * @param theta       θ = atan2(y, x), in (−π, π]
 * @param er          e_r = (cos θ, sin θ)
 * @param etheta      e_θ = (−sin θ, cos θ)
 * @param phi         φ(r, θ) printed
 * @param fr          ∂φ/∂r, symbolic and at (r, θ)
 * @param ftheta      ∂φ/∂θ, symbolic and at (r, θ)
 * @param radial      D_{e_r} f(x) = ∂φ/∂r
 * @param angular     D_{e_θ} f(x) = (1/r) ∂φ/∂θ (null at r = 0, where e_θ is undefined)
 * @param recomposed  f_r e_r + (1/r) f_θ e_θ: the Cartesian ∇f(x) again (null at r = 0)
 * @param grid        φ over [0, rmax] × [−π, π] with its arrows (∂φ/∂r, ∂φ/∂θ), for the polar map
 */
record Polar(double r, double theta, double[] er, double[] etheta, Analysis.Symbolic phi, Partial fr, Partial ftheta,
             double radial, Double angular, double[] recomposed, Grid grid) {

    /**
     * A partial derivative of φ.
     *
     * @param formula the formula
     * @param value   its value at (r, θ)
     */
    record Partial(Analysis.Symbolic formula, double value) {
    }

    /** The polar variables, in order. */
    static final List<String> VARIABLES = List.of("r", "theta");

    /** φ(r, θ) = f(r cos θ, r sin θ): a field of (r, θ). */
    static Formula phi(Formula f) {
        Expr r = Expr.variable("r");
        Expr theta = Expr.variable("theta");
        Expr x = Expr.multiply(r, Expr.call(Function.COS, theta));
        Expr y = Expr.multiply(r, Expr.call(Function.SIN, theta));
        return Formula.of(Substitution.substitute(f.expression(), Map.of(Expr.variable("x"), x, Expr.variable("y"), y)),
                VARIABLES);
    }

    static Polar at(Formula f, double[] point, double rmax, int resolution, int arrows, PrintBudget budget) {
        double r = Vectors.norm(point);
        double theta = Math.atan2(point[1], point[0]);
        double[] er = {Math.cos(theta), Math.sin(theta)};
        double[] etheta = {-Math.sin(theta), Math.cos(theta)};
        Formula phi = phi(f);
        List<Formula> partials = Expressions.derive("∂φ/∂r and ∂φ/∂θ", phi::gradientFormulas);
        double[] polarPoint = {r, theta};
        Gradient g = Expressions.evaluate(() -> phi.valueAndGradient(polarPoint));
        Expressions.finite(phi, polarPoint, g.value());
        double fr = g.gradient()[0];
        double ftheta = g.gradient()[1];
        Double angular = r == 0 ? null : ftheta / r;
        double[] recomposed = r == 0 ? null
                : new double[] {fr * er[0] + angular * etheta[0], fr * er[1] + angular * etheta[1]};
        Grid grid = Grid.sample(phi, new Grid.Window(0, rmax, -Math.PI, Math.PI), resolution, arrows);
        return new Polar(r, theta, er, etheta, budget.print(phi, "φ(r, θ)"),
                new Partial(budget.print(partials.get(0), "∂φ/∂r"), fr),
                new Partial(budget.print(partials.get(1), "∂φ/∂θ"), ftheta), fr, angular, recomposed, grid);
    }
}
