package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.NonDifferentiableException;
import dev.nabla.core.field.Vectors;
import dev.nabla.symbolic.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The worked examples and exercises of the source documents, with the documents' answers. */
class DocumentExamplesTest {
    private static final double TIGHT = 1e-12; // exact formulas, evaluated in a different order: rounding only

    @Test
    void worked_example_x2_sin_y_plus_y3_at_07_12_along_1_minus2() {
        Formula f = Formula.parse("x^2*sin(y) + y^3");
        List<Formula> g = f.gradientFormulas();
        assertThat(g).extracting(Formula::toString).containsExactly("2*x*sin(y)", "x^2*cos(y) + 3*y^2");

        double x = 0.7;
        double y = 1.2;
        double fx = 2 * x * Math.sin(y);
        double fy = x * x * Math.cos(y) + 3 * y * y;
        Gradient at = f.valueAndGradient(new double[] {x, y});
        assertThat(at.value()).isCloseTo(x * x * Math.sin(y) + y * y * y, within(TIGHT));
        assertThat(at.gradient()[0]).isCloseTo(fx, within(TIGHT));
        assertThat(at.gradient()[1]).isCloseTo(fy, within(TIGHT));
        assertThat(at.isSmooth()).isTrue();

        // D_(a,b) f = 2 a x sin y + b (x^2 cos y + 3 y^2) with (a, b) = (1, -2)
        double[] v = {1, -2};
        double expected = 2 * 1 * x * Math.sin(y) + (-2) * (x * x * Math.cos(y) + 3 * y * y);
        assertThat(f.directionalDerivative(new double[] {x, y}, v)).isCloseTo(expected, within(TIGHT));
        Formula dot = f.directionalDerivativeFormula(v);
        Formula definition = f.directionalDerivativeByDefinition(v);
        assertThat(dot.toString()).isEqualTo("2*x*sin(y) - 2*x^2*cos(y) - 6*y^2");
        assertThat(definition).isEqualTo(dot);
        assertThat(dot.value(new double[] {x, y})).isCloseTo(expected, within(TIGHT));
        assertThat(f.compile().valueAndGradient(new double[] {x, y}).gradient()).containsExactly(
                new double[] {fx, fy}, within(TIGHT));
    }

    @Test
    void product_and_chain_rule_exp_x_sin_y_times_ln_1_plus_x2_plus_y2() {
        Formula f = Formula.parse("exp(x*sin(y)) * ln(1 + x^2 + y^2)");
        SplittableRandom r = new SplittableRandom(4);
        for (int k = 0; k < 20; k++) {
            double x = r.nextDouble(-2, 2);
            double y = r.nextDouble(-2, 2);
            double q = 1 + x * x + y * y;
            double ex = Math.exp(x * Math.sin(y));
            // the documents' gradient: e^{x sin y} (sin y ln q + 2x/q, x cos y ln q + 2y/q)
            double fx = ex * (Math.sin(y) * Math.log(q) + 2 * x / q);
            double fy = ex * (x * Math.cos(y) * Math.log(q) + 2 * y / q);
            double[] p = {x, y};
            assertThat(f.partial("x").value(p)).isCloseTo(fx, within(1e-12 * (1 + Math.abs(fx))));
            assertThat(f.partial("y").value(p)).isCloseTo(fy, within(1e-12 * (1 + Math.abs(fy))));
            assertThat(f.gradient(p)).containsExactly(new double[] {fx, fy}, within(1e-12 * (1 + Math.abs(fx) + Math.abs(fy))));
        }
    }

    @Test
    void exercise1_exp_xy_plus_cos_x_minus_y() {
        Formula f = Formula.parse("exp(x*y) + cos(x - y)");
        assertThat(f.gradientFormulas()).extracting(Formula::toString)
                .containsExactly("y*exp(x*y) - sin(x - y)", "x*exp(x*y) + sin(x - y)");
        double[] p = {0.3, -1.1};
        double fx = p[1] * Math.exp(p[0] * p[1]) - Math.sin(p[0] - p[1]);
        double fy = p[0] * Math.exp(p[0] * p[1]) + Math.sin(p[0] - p[1]);
        assertThat(f.gradient(p)).containsExactly(new double[] {fx, fy}, within(TIGHT));
    }

    @Test
    void exercise2_norm_sqrt_x2_plus_y2_and_its_kink_at_the_origin() {
        Formula f = Formula.parse("sqrt(x^2 + y^2)");
        assertThat(f.gradientFormulas()).extracting(Formula::toString)
                .containsExactly("x/sqrt(x^2 + y^2)", "y/sqrt(x^2 + y^2)");
        double[] p = {3, -4};
        assertThat(f.gradient(p)).containsExactly(new double[] {0.6, -0.8}, within(TIGHT));

        double[] origin = {0, 0};
        Gradient g = f.valueAndGradient(origin);
        assertThat(g.value()).isZero();
        assertThat(g.isSmooth()).isFalse();
        assertThat(g.kinks()).extracting(k -> k.where()).containsExactly("sqrt(x^2 + y^2)");
        // convention at the kink: sqrt'(0) = 0, i.e. the minimum-norm element of the Clarke set (the unit ball)
        assertThat(g.gradient()).containsExactly(0, 0);
        assertThatThrownBy(() -> f.gradient(origin)).isInstanceOf(NonDifferentiableException.class)
                .hasMessageContaining("sqrt(x^2 + y^2)");
        assertThatThrownBy(() -> f.partial("x").value(origin)).isInstanceOf(DomainException.class)
                .hasMessageContaining("division by zero");
        assertThat(f.compile().valueAndGradient(origin).kinks()).isEqualTo(g.kinks());
        // along any v, f(t v)/t = ‖v‖: the one-sided directional derivative at 0
        double[] v = {1, 2};
        assertThat(f.value(Vectors.scale(1e-8, v)) / 1e-8).isCloseTo(Vectors.norm(v), within(1e-12));
    }

    @Test
    void exercise4_ln_x2_plus_y2_in_polar_form_f_r_is_2_over_r_and_f_theta_is_0() {
        Formula f = Formula.parse("ln(x^2 + y^2)");
        assertThat(f.gradientFormulas()).extracting(Formula::toString)
                .containsExactly("2*x/(x^2 + y^2)", "2*y/(x^2 + y^2)");
        double r = 1.7;
        double theta = 0.9;
        double[] p = {r * Math.cos(theta), r * Math.sin(theta)};
        double[] er = {Math.cos(theta), Math.sin(theta)};
        double[] etheta = {-Math.sin(theta), Math.cos(theta)};
        assertThat(f.directionalDerivative(p, er)).isCloseTo(2 / r, within(TIGHT));
        assertThat(f.directionalDerivative(p, etheta)).isCloseTo(0, within(TIGHT));
    }

    @Test
    void exercise4_in_polar_coordinates_prints_f_r_as_2_over_r_and_f_theta_as_0() {
        // f(r cos θ, r sin θ): r² cos²θ + r² sin²θ simplifies to r², so the partials are the documents' forms
        Formula f = Formula.parse("ln(x^2 + y^2)");
        Expr r = Expr.variable("r");
        Expr theta = Expr.variable("θ");
        Expr polar = dev.nabla.symbolic.simplify.Substitution.substitute(f.expression(), java.util.Map.of(
                Expr.variable("x"), Expr.multiply(r, Expr.call(dev.nabla.symbolic.expr.Function.COS, theta)),
                Expr.variable("y"), Expr.multiply(r, Expr.call(dev.nabla.symbolic.expr.Function.SIN, theta))));
        Formula phi = Formula.of(polar, List.of("r", "θ")).simplify();
        assertThat(phi.toString()).isEqualTo("log(r^2)");
        assertThat(phi.gradientFormulas()).extracting(Formula::toString).containsExactly("2/r", "0");
        // and without simplifying first: the quotient of the two Pythagorean sums cancels
        Formula raw = Formula.of(polar, List.of("r", "θ"));
        assertThat(raw.gradientFormulas()).extracting(g -> g.simplify().toString()).containsExactly("2/r", "0");
    }

    @Test
    void quadratic_half_xQx_plus_bx_has_gradient_Qx_plus_b_and_hessian_Q() {
        double[][] q = {{4, 1, -2}, {1, 3, 0.5}, {-2, 0.5, 5}};
        double[] b = {1, -3, 2};
        List<String> x = List.of("x1", "x2", "x3");
        StringBuilder s = new StringBuilder("0.5*(");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s.append(i + j > 0 ? " + " : "").append(q[i][j]).append("*").append(x.get(i)).append("*").append(x.get(j));
            }
        }
        s.append(")");
        for (int i = 0; i < 3; i++) {
            s.append(" + ").append(b[i]).append("*").append(x.get(i));
        }
        Formula f = Formula.parse(s.toString(), x);
        for (int i = 0; i < 3; i++) {
            // ∂f/∂x_i = Σ_j Q_ij x_j + b_i, structurally: canonical forms make this an identity check
            String expected = q[i][0] + "*x1 + " + q[i][1] + "*x2 + " + q[i][2] + "*x3 + " + b[i];
            assertThat(f.gradientFormulas().get(i)).isEqualTo(Formula.parse(expected, x));
            for (int j = 0; j < 3; j++) {
                assertThat(f.hessianFormulas().get(i).get(j).expression().isNumber(q[i][j])).isTrue();
            }
        }
        double[] p = {0.3, -1, 2};
        assertThat(f.hessian(p)).isDeepEqualTo(q);
        double[] qxb = new double[3];
        for (int i = 0; i < 3; i++) {
            qxb[i] = b[i] + Vectors.dot(q[i], p);
        }
        assertThat(f.gradient(p)).containsExactly(qxb, within(TIGHT));
        assertThat(f.hessianVectorProduct(p, new double[] {1, 0, 0})).containsExactly(new double[] {4, 1, -2}, within(TIGHT));
    }

    @Test
    void softmax_cross_entropy_for_three_classes_has_gradient_p_minus_y() {
        double[] y = {0.2, 0.7, 0.1};
        String sum = "exp(z1) + exp(z2) + exp(z3)";
        List<String> terms = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            terms.add(y[i - 1] + "*ln(exp(z" + i + ")/(" + sum + "))");
        }
        Formula f = Formula.parse("-(" + String.join(" + ", terms) + ")");
        assertThat(f.variables()).containsExactly("z1", "z2", "z3");
        SplittableRandom r = new SplittableRandom(7);
        for (int k = 0; k < 20; k++) {
            double[] z = {r.nextDouble(-3, 3), r.nextDouble(-3, 3), r.nextDouble(-3, 3)};
            double total = Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]);
            double[] pMinusY = new double[3];
            for (int i = 0; i < 3; i++) {
                pMinusY[i] = Math.exp(z[i]) / total - y[i];
            }
            assertThat(f.gradient(z)).containsExactly(pMinusY, within(1e-12));
            assertThat(f.compile().valueAndGradient(z).gradient()).containsExactly(pMinusY, within(1e-12));
        }
    }

    @Test
    void exercise3_counterexample_has_every_directional_derivative_at_the_origin_but_no_gradient() {
        Formula f = Formula.parse("if(x == 0 and y == 0, 0, x^2*y/(x^2 + y^2))");
        double[] origin = {0, 0};
        assertThat(f.value(origin)).isZero();
        Gradient g = f.valueAndGradient(origin);
        assertThat(g.isSmooth()).as("the origin is on the boundary of the condition").isFalse();
        assertThat(g.kinks()).extracting(k -> k.primitive()).containsExactly("if");
        assertThatThrownBy(() -> f.gradient(origin)).isInstanceOf(NonDifferentiableException.class);
        // (f(t v) - f(0)) / t = a^2 b / (a^2 + b^2) for every t != 0: the directional derivative exists ...
        double[][] dirs = {{1, 0}, {0, 1}, {1, 1}, {2, -1}};
        double[] d = new double[dirs.length];
        for (int k = 0; k < dirs.length; k++) {
            double a = dirs[k][0];
            double b = dirs[k][1];
            double t = 1e-7;
            d[k] = f.value(new double[] {t * a, t * b}) / t;
            assertThat(d[k]).isCloseTo(a * a * b / (a * a + b * b), within(1e-12));
        }
        // ... but is not linear in v: D_(1,1) f != D_(1,0) f + D_(0,1) f
        assertThat(d[2]).isNotCloseTo(d[0] + d[1], within(0.1));
        // away from the origin the condition is false and not on its boundary: smooth, no kink
        double[] p = {0, 1};
        assertThat(f.valueAndGradient(p).isSmooth()).isTrue();
        assertThat(f.gradient(new double[] {1, 2})).containsExactly(new double[] {2 * 1 * 2 * 4 / 25.0, (1 * 5 - 2 * 2 * 2) / 25.0},
                within(TIGHT));
    }
}
