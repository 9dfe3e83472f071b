package dev.nabla.symbolic.nonsmooth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.check.DirectionalLimits;
import dev.nabla.core.check.OneSidedLimit;
import dev.nabla.core.onesided.DirectionalDerivative;
import dev.nabla.core.onesided.DirectionalDerivative.Kind;
import dev.nabla.symbolic.Formula;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random formulas built from abs, max, min, sqrt, hypot, if, +, −, ×, sin and exp over x, y, z, at
 * points whose coordinates are small integers — so that arguments of abs, ties of max/min and conditions on
 * their boundary occur on purpose — along random directions. Each formula exists twice: as text, parsed into
 * the canonical DAG (reordered, simplified) and evaluated on expansions through {@link RealEvaluator}, and as a
 * tree of Java lambdas calling {@link Real} directly (the AD path). Properties:
 * <ol>
 * <li>the two paths give the same D_v f (same kind; values within 1e-12·max(1, |D|): different evaluation
 * orders round differently);</li>
 * <li>positive homogeneity, D_{cv} f = c·D_v f for c ∈ {0.5, 3} (within 1e-12·max(1, |D|));</li>
 * <li>the limit definition: where the numerical one-sided limit of (f(x + t v) − f(x))/t converges
 * ({@link DirectionalLimits#oneSided}: its Richardson error estimate δ below 1e-3 of the quotients' size, see
 * docs/verification.md), it agrees with the exact value within 1e-6·max(1, |D|) + 4δ; where the exact value is
 * ±∞ or does not exist, the numerical limit must not claim a finite value within that tolerance of a number.</li>
 * </ol>
 * The share of cases the numerical limit could check, and the share at a kink, are asserted too (a generator
 * that only produced divergent quotients, or smooth points, would test little).
 */
class OneSidedPropertyTest {

    private static final List<String> VARIABLES = List.of("x", "y", "z");
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger AT_KINKS = new AtomicInteger();

    /** A formula as text and as Java code. */
    interface Node {
        Real eval(Real[] x);

        String text();
    }

    record Leaf(int variable) implements Node {
        public Real eval(Real[] x) {
            return x[variable];
        }

        public String text() {
            return VARIABLES.get(variable);
        }
    }

    record Constant(int c) implements Node {
        public Real eval(Real[] x) {
            return x[0].constant(c);
        }

        public String text() {
            return "(" + c + ")";
        }
    }

    record Unary(String name, Node a) implements Node {
        public Real eval(Real[] x) {
            Real r = a.eval(x);
            return switch (name) {
                case "abs" -> r.abs();
                case "sqrtabs" -> r.abs().sqrt();
                case "sin" -> r.sin();
                case "exp" -> r.exp();
                default -> r.square();
            };
        }

        public String text() {
            return switch (name) {
                case "sqrtabs" -> "sqrt(abs(" + a.text() + "))";
                case "square" -> "(" + a.text() + ")^2";
                default -> name + "(" + a.text() + ")";
            };
        }
    }

    record Binary(String op, Node a, Node b) implements Node {
        public Real eval(Real[] x) {
            Real p = a.eval(x);
            Real q = b.eval(x);
            return switch (op) {
                case "+" -> p.add(q);
                case "-" -> p.subtract(q);
                case "*" -> p.multiply(q);
                case "max" -> p.max(q);
                case "min" -> p.min(q);
                default -> p.hypot(q);
            };
        }

        public String text() {
            return switch (op) {
                case "+", "-", "*" -> "(" + a.text() + " " + op + " " + b.text() + ")";
                default -> op + "(" + a.text() + ", " + b.text() + ")";
            };
        }
    }

    /** if(p < q, a, b), decided for the Java path as the formula path decides it: one-sidedly. */
    record If(Node p, Node q, Node a, Node b) implements Node {
        public Real eval(Real[] x) {
            int s = dev.nabla.core.onesided.OneSided.signForSmallT(p.eval(x).subtract(q.eval(x)));
            return s < 0 ? a.eval(x) : b.eval(x);
        }

        public String text() {
            return "if(" + p.text() + " < " + q.text() + ", " + a.text() + ", " + b.text() + ")";
        }
    }

    static Node node(SplittableRandom r, int depth) {
        if (depth == 0 || r.nextInt(5) == 0) {
            return r.nextInt(6) == 0 ? new Constant(r.nextInt(-2, 3)) : new Leaf(r.nextInt(3));
        }
        int k = r.nextInt(12);
        if (k < 4) {
            String[] unary = {"abs", "sqrtabs", "sin", "exp", "square", "abs"};
            return new Unary(unary[r.nextInt(unary.length)], node(r, depth - 1));
        }
        if (k < 11) {
            String[] binary = {"+", "-", "*", "max", "min", "hypot", "max"};
            return new Binary(binary[r.nextInt(binary.length)], node(r, depth - 1), node(r, depth - 1));
        }
        return new If(node(r, depth - 1), node(r, depth - 1), node(r, depth - 1), node(r, depth - 1));
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> (long) i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void exactOneSidedDerivativesAgreeAcrossPathsScaleAndTheDefinition(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Node n = node(r, 4);
        Formula f = Formula.parse(n.text(), VARIABLES);
        RealFunction code = n::eval;
        double[] x = {r.nextInt(-1, 2), r.nextInt(-1, 2), r.nextInt(-1, 2)};
        double[] v = {r.nextInt(-3, 4) + r.nextDouble(), r.nextInt(-3, 4), r.nextDouble(-1, 1)};
        DirectionalDerivative formula = f.oneSidedDirectionalDerivative(x, v);
        DirectionalDerivative ad = AD.directionalDerivative(code, x, v);
        String where = n.text() + " at " + Arrays.toString(x) + " along " + Arrays.toString(v);
        assertThat(ad.kind()).as(where).isEqualTo(formula.kind());
        if (formula.isFinite()) {
            double scale = Math.max(1, Math.abs(formula.value()));
            assertThat(ad.value()).as(where).isCloseTo(formula.value(), org.assertj.core.api.Assertions.within(1e-12 * scale));
            for (double c : new double[] {0.5, 3}) {
                DirectionalDerivative scaled = f.oneSidedDirectionalDerivative(x, dev.nabla.core.field.Vectors.scale(c, v));
                assertThat(scaled.value()).as(where + " scaled by " + c)
                        .isCloseTo(c * formula.value(), org.assertj.core.api.Assertions.within(1e-12 * c * scale));
            }
        }
        CASES.incrementAndGet();
        if (formula.oneSided()) {
            AT_KINKS.incrementAndGet();
        }
        OneSidedLimit numeric = DirectionalLimits.oneSided(f, x, v, OneSidedLimit.Side.RIGHT);
        if (numeric.exists() && formula.isFinite()) {
            CHECKED.incrementAndGet();
            double allowed = 1e-6 * Math.max(1, Math.abs(formula.value())) + 4 * numeric.estimate().error();
            assertThat(numeric.value()).as(where + ": the limit definition").isCloseTo(formula.value(),
                    org.assertj.core.api.Assertions.within(allowed));
        } else if (numeric.exists() && formula.kind() != Kind.NOT_DECIDED) {
            // exact ±∞ or no limit: a converged numerical quotient would contradict it
            assertThat(formula.kind()).as(where + ": numerically " + numeric).isEqualTo(Kind.FINITE);
        }
    }

    @AfterAll
    static void mostCasesWereCheckedAgainstTheDefinition() {
        if (CASES.get() == 300) {
            assertThat(CHECKED.get()).as("cases checked against the numerical limit").isGreaterThan(200);
            assertThat(AT_KINKS.get()).as("cases at a kink (a one-sided decision taken)").isGreaterThan(80);
        }
    }
}
