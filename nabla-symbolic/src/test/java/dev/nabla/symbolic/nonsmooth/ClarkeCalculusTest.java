package dev.nabla.symbolic.nonsmooth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nabla.core.nonsmooth.ClarkeSet;
import dev.nabla.core.nonsmooth.ClarkeSubdifferential.Kind;
import dev.nabla.symbolic.Formula;
import org.junit.jupiter.api.Test;

/** Exact Clarke subdifferentials of formulas, and honest labels where only an enclosure or estimate exists. */
class ClarkeCalculusTest {

    static KinkAnalysis at(String formula, double... x) {
        return ClarkeCalculus.at(Formula.parse(formula), x);
    }

    @Test
    void absoluteValueAtZeroIsTheIntervalMinusOneOne() {
        KinkAnalysis a = at("abs(x)", 0);
        assertThat(a.activeKinks()).containsExactly("abs(x)");
        assertThat(a.subdifferential().kind()).isEqualTo(Kind.EXACT);
        assertThat(a.subdifferential().set()).isEqualTo(new ClarkeSet.Interval(-1, 1));
        assertThat(a.toString()).contains("∂f = [-1, 1]");
    }

    /** Exercise 2: the Clarke subdifferential of sqrt(x² + y²) at the origin is the unit ball. */
    @Test
    void exercise2NormAtTheOriginIsTheUnitBall() {
        KinkAnalysis a = at("sqrt(x^2 + y^2)", 0, 0);
        assertThat(a.subdifferential().kind()).isEqualTo(Kind.EXACT);
        assertThat(a.subdifferential().set()).isEqualTo(ClarkeSet.Ball.unit(2));
        assertThat(a.subdifferential().isStationary(0)).isTrue();
        assertThat(at("hypot(x, y)", 0, 0).subdifferential().set()).isEqualTo(ClarkeSet.Ball.unit(2));
    }

    @Test
    void maxAndMinAtATieAreTheHullOfTheActiveGradients() {
        for (String f : new String[] {"max(x, y)", "min(x, y)"}) {
            KinkAnalysis a = at(f, 1, 1);
            assertThat(a.subdifferential().kind()).isEqualTo(Kind.EXACT);
            assertThat(a.subdifferential().set()).hasToString("conv{(1, 0), (0, 1)}");
        }
        // off the tie max is smooth: the singleton {∇f}
        KinkAnalysis smooth = at("max(x, y)", 2, 1);
        assertThat(smooth.isSmooth()).isTrue();
        assertThat(smooth.subdifferential().set()).hasToString("{(1, 0)}");
    }

    @Test
    void theChainRuleThroughSmoothContextsIsExact() {
        // exp(|x|) at 0: exp'(0)·[-1, 1]
        assertThat(at("exp(abs(x))", 0).subdifferential().set()).isEqualTo(new ClarkeSet.Interval(-1, 1));
        // 3|x - 1| + x² at 1: 2 + 3·[-1, 1]
        assertThat(at("3*abs(x - 1) + x^2", 1).subdifferential().set()).isEqualTo(new ClarkeSet.Interval(-1, 5));
        // 2‖(x, y)‖ + x at 0: the ball of radius 2 around (1, 0)
        KinkAnalysis ball = at("2*sqrt(x^2 + y^2) + x", 0, 0);
        assertThat(ball.subdifferential().kind()).isEqualTo(Kind.EXACT);
        assertThat(ball.subdifferential().set()).isEqualTo(new ClarkeSet.Ball(new double[] {1, 0}, 2));
        // independent kinks: |x| + |y| at 0 is the square [-1, 1]²
        KinkAnalysis square = at("abs(x) + abs(y)", 0, 0);
        assertThat(square.subdifferential().kind()).isEqualTo(Kind.EXACT);
        ClarkeSet s = square.subdifferential().set();
        assertThat(((ClarkeSet.Polytope) s).vertices()).hasSize(4);
        assertThat(s.support(new double[] {1, 1})).isEqualTo(2);
        // a piecewise definition of |x| with a strict inequality
        assertThat(at("if(x < 0, -x, x)", 0).subdifferential().set()).isEqualTo(new ClarkeSet.Interval(-1, 1));
    }

    @Test
    void dependentKinksGiveAnEnclosureAndSayWhy() {
        // max(x, y) − max(x, 2y − x) at 0 is 0 for x > y and x − y for x < y: ∂f = conv{(0, 0), (1, −1)},
        // but the selections give conv{(−1, 1), (2, −2)} ⊋ ∂f, since both switching gradients are ∥ (1, −1)
        KinkAnalysis a = at("max(x, y) - max(x, 2*y - x)", 0, 0);
        assertThat(a.subdifferential().kind()).isEqualTo(Kind.ENCLOSURE);
        assertThat(a.subdifferential().explanation()).contains("linearly dependent");
        assertThat(a.subdifferential().set().contains(new double[] {0, 0}, 1e-12)).isTrue();
        assertThat(a.subdifferential().set().contains(new double[] {1, -1}, 1e-12)).isTrue();
        assertThat(a.toString()).contains("∂f ⊆ ");
    }

    @Test
    void aNormThatIsFlatInSomeVariableIsAnEnclosingBall() {
        // sqrt(x² + y²) + z at (0, 0, 1): the exact set is the disc {(a, b, 1) : a² + b² ≤ 1}
        KinkAnalysis a = at("sqrt(x^2 + y^2) + z", 0, 0, 1);
        assertThat(a.subdifferential().kind()).isEqualTo(Kind.ENCLOSURE);
        assertThat(a.subdifferential().set()).isEqualTo(new ClarkeSet.Ball(new double[] {0, 0, 1}, 1));
    }

    @Test
    void theCounterexampleHasNoExactRuleAndIsEstimatedBySampling() {
        KinkAnalysis a = at("if(x == 0 and y == 0, 0, x^2*y/(x^2 + y^2))", 0, 0);
        assertThat(a.subdifferential().kind()).isEqualTo(Kind.ESTIMATE);
        assertThat(a.subdifferential().explanation()).startsWith("no exact rule for if(x == 0 and y == 0");
        // ∇f is homogeneous of degree 0: on the unit circle ∇f(cos θ, sin θ) = (2 c s³, c²(c² − s²)), so every
        // sampled gradient has |∂f/∂x| ≤ 3√3/8 ≈ 0.65 and ∂f/∂y ∈ [−1/8, 1]
        ClarkeSet s = a.subdifferential().set();
        assertThat(s.support(new double[] {1, 0})).isLessThanOrEqualTo(3 * Math.sqrt(3) / 8 + 1e-9);
        assertThat(s.support(new double[] {-1, 0})).isLessThanOrEqualTo(3 * Math.sqrt(3) / 8 + 1e-9);
        assertThat(s.support(new double[] {0, 1})).isBetween(0.5, 1 + 1e-9);
        assertThat(s.support(new double[] {0, -1})).isLessThanOrEqualTo(0.125 + 1e-9);
    }

    @Test
    void jumpsAndInfiniteSlopesAreNotLipschitz() {
        KinkAnalysis sign = at("sign(x)", 0);
        assertThat(sign.subdifferential()).isNull();
        assertThat(sign.notLipschitz()).contains("sign jumps at 0");
        assertThat(at("sqrt(x)", 0).notLipschitz()).contains("infinite slope");
        assertThat(at("if(x < 0, 0, 1)", 0).notLipschitz()).contains("f jumps");
        assertThat(sign.toString()).contains("not locally Lipschitz");
    }

    @Test
    void kinksInABranchNotTakenDoNotCount() {
        // at (0, 0) the condition x > 1 is false: f = 0 near the point, abs(y) is irrelevant
        KinkAnalysis a = at("if(x > 1, abs(y), 0)", 0, 0);
        assertThat(a.isSmooth()).isTrue();
        assertThat(a.subdifferential().set()).hasToString("{(0, 0)}");
    }

    @Test
    void atASmoothPointItIsTheGradient() {
        KinkAnalysis a = at("x^2*sin(y) + y^3", 0.7, 1.2);
        assertThat(a.subdifferential().kind()).isEqualTo(Kind.EXACT);
        double[] g = ((ClarkeSet.Polytope) a.subdifferential().set()).vertices().get(0);
        assertThat(g).containsExactly(new double[] {2 * 0.7 * Math.sin(1.2),
                0.49 * Math.cos(1.2) + 3 * 1.44}, within(1e-12));
    }
}
