package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.prim.Primitive;
import dev.nabla.symbolic.expr.Function;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The formula engine and automatic differentiation read one table of primitives, so they agree on every
 * function of the language (the test iterates {@link Function#values()}: a function added to the language is
 * checked at once), at seeded points that include the kinks, the domain edges and extreme magnitudes:
 * <ul>
 *   <li>the formula engine's numeric gradient (the interpreter's reverse sweep) and AD's: value, gradient and
 *       whether a kink was met, bit for bit, at kinks too;</li>
 *   <li>the symbolic derivative formulas, evaluated, and AD's gradient: within 4 ulps of the larger (the
 *       canonical form evaluates in another order: a/b as a·b⁻¹, sums reordered) for arguments between 1e-100
 *       and 1e100 (beyond, canonical powers such as hypot(x, y)⁻² overflow where the table's (y/h)/h does not);
 *       at a kink the formula either gives the table's conventional value or is undefined there (a
 *       {@link DomainException}, as 0.5/sqrt(x) at 0).</li>
 * </ul>
 * Where a partial of the table overflows or is undefined at a point of the domain, both engines raise a
 * {@link DomainException}.
 */
class FormulaEnginesAgreeTest {
    private static final double[] SPECIAL = {0, 1, -1, 0.5, -2, 3, 1e-300, -1e-8, 1e8, -1e8, 1e200, Math.PI / 2,
        Math.nextUp(1.0), Math.nextDown(-1.0), 1 - 1e-10, 700, 2.5, 6};

    static List<double[]> points(Function fn) {
        List<double[]> out = new ArrayList<>();
        Random r = new Random(99 + fn.ordinal());
        for (double a : SPECIAL) {
            if (fn.arity() == 1) {
                out.add(new double[] {a});
            } else {
                for (double b : SPECIAL) {
                    out.add(new double[] {a, b});
                }
            }
        }
        for (int k = 0; k < 300; k++) {
            double a = random(r);
            out.add(fn.arity() == 1 ? new double[] {a} : new double[] {a, r.nextInt(4) == 0 ? a : random(r)});
        }
        Primitive p = fn.primitive();
        return out.stream().filter(x -> p.domainViolation(x[0], x.length > 1 ? x[1] : 0) == null
                && Double.isFinite(p.value(x[0], x.length > 1 ? x[1] : 0))).toList();
    }

    private static double random(Random r) {
        double sign = r.nextBoolean() ? 1 : -1;
        return switch (r.nextInt(3)) {
            case 0 -> -4 + 8 * r.nextDouble();
            case 1 -> sign * Math.pow(10, -40 + 80 * r.nextDouble());
            default -> sign * (1 + (r.nextBoolean() ? 1 : -1) * Math.pow(10, -1 - 14 * r.nextDouble()));
        };
    }

    private static boolean same(double x, double y) {
        return x == y || Double.isNaN(x) && Double.isNaN(y);
    }

    private static boolean moderate(double[] x) {
        return Arrays.stream(x).allMatch(c -> c == 0 || Math.abs(c) > 1e-100 && Math.abs(c) < 1e100);
    }

    @ParameterizedTest
    @EnumSource(Function.class)
    void theFormulaEngineAndAutomaticDifferentiationAgree(Function fn) {
        Formula f = Formula.parse(fn.arity() == 1 ? fn.symbol() + "(x)" : fn.symbol() + "(x, y)");
        Primitive p = fn.primitive();
        RealFunction ad = fn.arity() == 1 ? x -> x[0].apply(p) : x -> x[0].apply(p, x[1]);
        List<Formula> symbolic = f.gradientFormulas();
        int compared = 0;
        for (double[] x : points(fn)) {
            String at = fn + " at " + Arrays.toString(x);
            double b = x.length > 1 ? x[1] : 0;
            boolean kink = p.kink(x[0], b) != null;
            double v = p.value(x[0], b);
            boolean finite = true;
            for (int i = 0; i < x.length; i++) {
                finite &= Double.isFinite(p.partial(i, x[0], b, v));
            }
            if (!finite) { // a partial overflows (csc' at 1e-300) or is undefined: both engines say so
                assertThatThrownBy(() -> f.valueAndGradient(x)).as(at).isInstanceOf(DomainException.class);
                assertThatThrownBy(() -> AD.valueAndGrad(ad, x)).as(at).isInstanceOf(DomainException.class);
                continue;
            }
            Gradient interpreter = f.valueAndGradient(x);
            Gradient automatic = AD.valueAndGrad(ad, x);
            assertThat(same(interpreter.value(), automatic.value())).as("value, " + at).isTrue();
            for (int i = 0; i < x.length; i++) {
                assertThat(same(interpreter.gradient()[i], automatic.gradient()[i])).as("partial %d, %s: %s vs %s",
                        i, at, interpreter.gradient()[i], automatic.gradient()[i]).isTrue();
            }
            assertThat(interpreter.kinks().isEmpty()).as("kinks, " + at).isEqualTo(automatic.kinks().isEmpty())
                    .isEqualTo(!kink);
            if (!moderate(x)) {
                continue;
            }
            for (int i = 0; i < x.length; i++) {
                double expected = automatic.gradient()[i];
                double s;
                try {
                    s = symbolic.get(i).value(x);
                } catch (DomainException e) {
                    assertThat(kink).as("the derivative formula is undefined only at a kink: %s, %s", at,
                            e.getMessage()).isTrue();
                    continue;
                }
                double tol = 4 * Math.ulp(Math.max(Math.abs(s), Math.abs(expected)));
                assertThat(same(s, expected) || Math.abs(s - expected) <= tol)
                        .as("symbolic partial %d, %s: %s vs %s", i, at, s, expected).isTrue();
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }
}
