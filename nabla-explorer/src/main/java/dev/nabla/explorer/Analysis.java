package dev.nabla.explorer;

import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.Vectors;
import dev.nabla.symbolic.Formula;

import java.util.List;

/**
 * Everything the documents say about a field f at a point x, as the explorer's {@code /api/analyze} answers it.
 *
 * @param expr              the expression as typed
 * @param plain             f printed back as plain text
 * @param latex             f in LaTeX
 * @param variables         the variables, in order
 * @param point             x
 * @param value             f(x)
 * @param gradient          ∇f, symbolic and at x
 * @param direction         D_v f(x) for the requested direction, written out as ∇f·v
 * @param hessian           the Hessian, symbolic and at x (null with a reason when it cannot be evaluated)
 */
record Analysis(String expr, String plain, String latex, List<String> variables, double[] point, double value,
                GradientPart gradient, DirectionPart direction, HessianPart hessian) {

    /** A formula printed both ways. */
    record Symbolic(String plain, String latex) {
        static Symbolic of(Formula f) {
            return new Symbolic(f.toString(), f.toLatex());
        }
    }

    /**
     * ∇f: the formulas ∂f/∂x_i, their values at x, ‖∇f(x)‖ and the kinks met (non-empty: x may be a point
     * where f is not differentiable and the values are a one-sided convention).
     */
    record GradientPart(List<Symbolic> formulas, double[] values, double norm, boolean smooth, List<String> kinks) {
        static GradientPart of(Formula f, Gradient g) {
            return new GradientPart(f.gradientFormulas().stream().map(Symbolic::of).toList(), g.gradient(),
                    g.norm(), g.isSmooth(), g.kinks().stream().map(Kink::where).distinct().toList());
        }
    }

    /**
     * The directional derivative D_v f(x) = ∇f(x)·v.
     *
     * @param given          v as requested
     * @param normalised     whether v was scaled to a unit vector
     * @param v              the direction used (v/‖v‖ when normalised)
     * @param derivative     ∇f(x)·v, null when x is a kink (∇f(x) does not exist there)
     * @param writtenOut     ∇f·v = g₁v₁ + g₂v₂ = … as text
     * @param writtenOutLatex the same in LaTeX
     * @param formula        the symbolic ∇f·v
     * @param formulaValue   the symbolic ∇f·v evaluated at x (agrees with {@code derivative})
     */
    record DirectionPart(double[] given, boolean normalised, double[] v, Double derivative, String writtenOut,
                         String writtenOutLatex, Symbolic formula, Double formulaValue) {

        static DirectionPart of(Formula f, Gradient g, double[] given, boolean normalise) {
            double length = Vectors.norm(given);
            if (normalise && length == 0) {
                throw ApiException.badRequest("the zero direction cannot be normalised");
            }
            double[] v = normalise ? Vectors.scale(1 / length, given) : given.clone();
            double[] grad = g.gradient();
            StringBuilder text = new StringBuilder("∇f·v = ");
            StringBuilder tex = new StringBuilder("\\nabla f\\cdot v = ");
            for (int i = 0; i < v.length; i++) {
                String sep = i == 0 ? "" : " + ";
                text.append(sep).append('(').append(Numbers.text(grad[i])).append(")(").append(Numbers.text(v[i])).append(')');
                tex.append(sep).append('(').append(Numbers.latex(grad[i])).append(")(").append(Numbers.latex(v[i])).append(')');
            }
            double dot = Vectors.dot(grad, v);
            text.append(" = ").append(Numbers.text(dot));
            tex.append(" = ").append(Numbers.latex(dot));
            Formula symbolic = f.directionalDerivativeFormula(v);
            Double symbolicValue = g.isSmooth()
                    ? Numbers.json(Expressions.evaluate(() -> symbolic.value(g.point()))) : null;
            return new DirectionPart(given, normalise, v, g.isSmooth() ? Numbers.json(dot) : null,
                    text.toString(), tex.toString(), Symbolic.of(symbolic), symbolicValue);
        }
    }

    /**
     * The Hessian H_ij = ∂²f/∂x_i∂x_j.
     *
     * @param formulas the second partial derivatives
     * @param values   H(x), null when it is undefined at x
     * @param reason   why {@code values} is null
     */
    record HessianPart(List<List<Symbolic>> formulas, double[][] values, String reason) {
    }
}
