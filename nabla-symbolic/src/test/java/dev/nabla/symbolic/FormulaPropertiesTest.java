package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.symbolic.compile.CompiledFormula;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-based tests on seeded random formulas (see {@link RandomFormulas}), each checked against an
 * independent plain-Java oracle of the same mathematics.
 */
class FormulaPropertiesTest {
    private static final List<String> XYZ = List.of("x", "y", "z");

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    private static RandomFormulas.Sample sample(long seed) {
        return new RandomFormulas(seed).next(4);
    }

    /** A point where the oracle is finite and moderate and the central differences at h and h/10 agree (f is smooth there). */
    private static double[] smoothPoint(RandomFormulas r, RandomFormulas.Sample s) {
        for (int attempt = 0; attempt < 50; attempt++) {
            double[] p = r.point();
            double f = s.at(p);
            if (!Double.isFinite(f) || Math.abs(f) > 1e6) {
                continue;
            }
            boolean smooth = true;
            for (int i = 0; i < 3 && smooth; i++) {
                double d1 = central(s, p, i, 1e-5);
                double d2 = central(s, p, i, 1e-6);
                smooth = Double.isFinite(d1) && Math.abs(d1 - d2) <= 1e-4 * (1 + Math.abs(d1));
            }
            if (smooth) {
                return p;
            }
        }
        throw new AssertionError("no smooth point found for " + s.text());
    }

    private static double central(RandomFormulas.Sample s, double[] p, int i, double h) {
        double[] a = p.clone();
        double[] b = p.clone();
        a[i] += h;
        b[i] -= h;
        return (s.at(a) - s.at(b)) / (2 * h);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void valueEqualsTheOracle(long seed) {
        RandomFormulas r = new RandomFormulas(seed * 7 + 1);
        RandomFormulas.Sample s = r.next(4);
        Formula f = Formula.parse(s.text(), XYZ);
        double[] p = smoothPoint(r, s);
        // canonicalisation reorders sums and products: rounding differences of a few ulps, scaled by |f|
        assertThat(f.value(p)).as(s.text()).isCloseTo(s.at(p), org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(s.at(p)))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void symbolicGradientMatchesCentralDifferences(long seed) {
        RandomFormulas r = new RandomFormulas(seed * 7 + 2);
        RandomFormulas.Sample s = r.next(4);
        Formula f = Formula.parse(s.text(), XYZ);
        double[] p = smoothPoint(r, s);
        List<Formula> g = f.gradientFormulas();
        double scale = 1 + Math.abs(s.at(p));
        for (int i = 0; i < 3; i++) {
            double fd = central(s, p, i, 1e-5);
            // central differences with h = 1e-5: truncation ~ h^2 |f'''| ~ 1e-10, rounding ~ 1e-16 |f| / h ~ 1e-11 |f|;
            // 1e-6 (1 + |f| + |fd|) is far above both and far below any wrong derivative
            double tolerance = 1e-6 * (scale + Math.abs(fd));
            assertThat(g.get(i).value(p)).as("d/d%s of %s = %s", XYZ.get(i), s.text(), g.get(i)).isCloseTo(fd,
                    org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void reverseSweepAgreesWithGradientFormulas(long seed) {
        RandomFormulas r = new RandomFormulas(seed * 7 + 3);
        RandomFormulas.Sample s = r.next(4);
        Formula f = Formula.parse(s.text(), XYZ);
        double[] p = smoothPoint(r, s);
        Gradient numeric = f.valueAndGradient(p);
        assertThat(numeric.kinks()).as("%s at %s", f, java.util.Arrays.toString(p)).isEmpty();
        for (int i = 0; i < 3; i++) {
            double symbolic = f.gradientFormulas().get(i).value(p);
            // two exact derivations, different operation order: agreement to ~1e-12 relative, 1e-9 allows growth
            assertThat(numeric.gradient()[i]).isCloseTo(symbolic, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(symbolic))));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void printThenParseGivesTheSameExpression(long seed) {
        Formula f = Formula.parse(sample(seed).text(), XYZ);
        assertThat(Formula.parse(f.toString(), XYZ).expression()).as(f.toString()).isSameAs(f.expression());
        for (Formula g : f.gradientFormulas()) {
            assertThat(Formula.parse(g.toString(), XYZ).expression()).as(g.toString()).isSameAs(g.expression());
        }
        assertThat(f.toLatex()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simplificationPreservesTheValue(long seed) {
        RandomFormulas r = new RandomFormulas(seed * 7 + 4);
        RandomFormulas.Sample s = r.next(4);
        Formula f = Formula.parse(s.text(), XYZ);
        Formula simple = f.simplify();
        double[] p = smoothPoint(r, s);
        assertThat(simple.value(p)).as("%s -> %s", f, simple).isCloseTo(f.value(p), org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(f.value(p)))));
        assertThat(simple.simplify()).as("idempotent").isEqualTo(simple);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void compiledProgramEqualsTheInterpreter(long seed) {
        RandomFormulas r = new RandomFormulas(seed * 7 + 5);
        RandomFormulas.Sample s = r.next(4);
        Formula f = Formula.parse(s.text(), XYZ);
        CompiledFormula c = f.compile();
        CompiledFormula.Evaluator ev = c.newEvaluator();
        double[] g = new double[3];
        for (int k = 0; k < 5; k++) {
            double[] p = smoothPoint(r, s);
            double value;
            try {
                value = f.value(p);
            } catch (DomainException e) {
                continue;
            }
            // same operations in the same order: equal up to the last bits
            assertThat(ev.value(p)).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(value))));
            double v2 = ev.valueAndGradient(p, g);
            assertThat(v2).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(value))));
            Gradient reference = f.valueAndGradient(p);
            for (int i = 0; i < 3; i++) {
                double want = reference.gradient()[i];
                assertThat(g[i]).as("%s d/d%s", f, XYZ.get(i)).isCloseTo(want, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(want))));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bothDirectionalDerivativesAgree(long seed) {
        RandomFormulas r = new RandomFormulas(seed * 7 + 6);
        RandomFormulas.Sample s = r.next(3);
        Formula f = Formula.parse(s.text(), XYZ);
        double[] v = r.point();
        Formula dot = f.directionalDerivativeFormula(v);
        Formula definition = f.directionalDerivativeByDefinition(v);
        for (int k = 0; k < 3; k++) {
            double[] p = smoothPoint(r, s);
            double a = dot.value(p);
            double b = definition.value(p);
            double expected = dev.nabla.core.field.Vectors.dot(f.valueAndGradient(p).gradient(), v);
            // two symbolic routes to D_v f: equal up to rounding in differently ordered sums
            assertThat(b).as("%s: %s vs %s", f, dot, definition).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(a))));
            assertThat(a).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * (1 + Math.abs(a))));
        }
    }

    static LongStream hessianSeeds() {
        return LongStream.range(0, 100); // fewer seeds: Hessians are the slowest property
    }

    @ParameterizedTest
    @MethodSource("hessianSeeds")
    void hessianIsSymmetricAndIsTheDerivativeOfTheGradient(long seed) {
        RandomFormulas r = new RandomFormulas(seed * 7 + 8);
        RandomFormulas.Sample s = r.next(3);
        Formula f = Formula.parse(s.text(), XYZ);
        double[] p = smoothPoint(r, s);
        double[][] h = f.hessian(p);
        List<List<Formula>> hf = f.hessianFormulas();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double hij = hf.get(i).get(j).value(p);
                double hji = hf.get(j).get(i).value(p);
                // mixed partials computed along two different paths: equal to rounding
                assertThat(hij).as("H[%d][%d] of %s", i, j, f).isCloseTo(hji, org.assertj.core.data.Offset.offset(1e-8 * (1 + Math.abs(hij))));
                assertThat(h[i][j]).isCloseTo((hij + hji) / 2, org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(hij))));
            }
        }
    }
}
