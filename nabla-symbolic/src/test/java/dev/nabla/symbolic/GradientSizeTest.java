package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.symbolic.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reverse-mode differentiation on the DAG: the gradient's node count grows linearly with the function's. */
class GradientSizeTest {

    private static int gradientNodes(Formula f) {
        List<Expr> roots = new ArrayList<>();
        for (Formula g : f.gradientFormulas()) {
            roots.add(g.expression());
        }
        return Expr.topologicalOrder(roots).size();
    }

    @Test
    void longProductX1TimesX2TimesToX200() {
        for (int n : new int[] {50, 100, 200}) {
            StringBuilder s = new StringBuilder("x1");
            for (int i = 2; i <= n; i++) {
                s.append("*x").append(i);
            }
            Formula f = Formula.parse(s.toString());
            assertThat(f.expression().size()).isEqualTo(n + 1);
            // the n partials x1*…*x_{i-1}*x_{i+1}*…*xn are n product nodes over the n shared variables
            assertThat(gradientNodes(f)).isLessThanOrEqualTo(2 * n);
            assertThat(f.partial("x2").toString()).startsWith("x1*x3*x4*");
        }
    }

    @Test
    void deepCompositionSinOfSinOfSinTwoHundredDeep() {
        for (int depth : new int[] {50, 100, 200}) {
            String s = "sin(".repeat(depth) + "x" + ")".repeat(depth);
            Formula f = Formula.parse(s, List.of("x"), new ParseLimits(10_000, 1000, 10_000));
            int size = f.expression().size();
            assertThat(size).isEqualTo(depth + 1);
            // d/dx = cos(s_{d-1})*…*cos(s_0): d cosines of the shared inner nodes, and products
            assertThat(gradientNodes(f)).isLessThanOrEqualTo(3 * size + 2);
            double x = 0.3;
            double value = x;
            double derivative = 1;
            for (int k = 0; k < depth; k++) {
                derivative *= Math.cos(value);
                value = Math.sin(value);
            }
            assertThat(f.gradient(new double[] {x})[0]).isCloseTo(derivative, org.assertj.core.data.Offset.offset(1e-14));
            assertThat(f.partial("x").value(new double[] {x})).isCloseTo(derivative, org.assertj.core.data.Offset.offset(1e-14));
            assertThat(f.compile().valueAndGradient(new double[] {x}).gradient()[0])
                    .isCloseTo(derivative, org.assertj.core.data.Offset.offset(1e-14));
        }
    }

    @Test
    void sharedSubExpressionsAreDifferentiatedOnce() {
        // u = x*y + sin(x) occurs many times; a DAG-unaware derivative would repeat its work per occurrence
        String u = "(x*y + sin(x))";
        StringBuilder s = new StringBuilder();
        for (int k = 1; k <= 100; k++) {
            s.append(k > 1 ? " + " : "").append("exp(").append(k).append("*").append(u).append(")");
        }
        Formula f = Formula.parse(s.toString());
        assertThat(gradientNodes(f)).isLessThanOrEqualTo(4 * f.expression().size());
    }

    @Test
    void aDagWhoseTreeIsExponentiallyLargeIsEvaluatedAndDifferentiatedInLinearTimeButNotPrinted() {
        Expr e = Expr.variable("x");
        for (int k = 0; k < 40; k++) {
            e = Expr.add(Expr.call(dev.nabla.symbolic.expr.Function.SIN, e), Expr.call(dev.nabla.symbolic.expr.Function.COS, e));
        }
        Formula f = Formula.of(e, List.of("x"));
        assertThat(e.size()).isLessThan(200); // as a tree it would have about 2^40 nodes
        assertThat(f.value(new double[] {0.1})).isFinite();
        assertThat(gradientNodes(f)).isLessThan(10 * e.size());
        assertThat(f.gradient(new double[] {0.1})[0]).isCloseTo(f.partial("x").value(new double[] {0.1}),
                org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(f.gradient(new double[] {0.1})[0]))));
        org.assertj.core.api.Assertions.assertThatThrownBy(f::toString).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too large to print");
    }

    @Test
    void hashConsingMakesEqualSubExpressionsOneNode() {
        Formula a = Formula.parse("sin(x + y)*cos(x + y) + (y + x)^2");
        Expr first = a.expression();
        Expr again = Formula.parse("(x + y)^2 + cos(y + x)*sin(y + x)").expression();
        assertThat(again).isSameAs(first);
        // x + y is one node, shared by sin, cos and the square
        assertThat(first.size()).isEqualTo(9);
    }
}
