package dev.nabla.core.ad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Vectors;
import dev.nabla.core.prim.Doubles;
import dev.nabla.core.prim.Primitive;
import dev.nabla.core.prim.TablePoints;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every engine of automatic differentiation takes its values, partials, second partials and kinks from the
 * table of primitives: for every primitive p (the test iterates {@link Primitive#values()}), at the seeded points
 * of {@link TablePoints} (kinks, domain edges, extreme magnitudes included), f = p(x₀) or p(x₀, x₁) gives
 * <ul>
 *   <li>on the reverse tape, the value and the gradient equal to the table's double rules bit for bit, and a
 *       kink recorded exactly where the table has one;</li>
 *   <li>in forward mode (dual numbers), D_{e_i} f equal to partial i bit for bit;</li>
 *   <li>nested (the gradient's numbers carrying a tangent: the table's generic rule over {@link Real}), the
 *       inner gradient equal bit for bit, its derivative equal to the second partials within
 *       1e-9 max|H| + 1e-13 max(|∂_i g|, |∂_j g|): it differentiates the computed partial, whose rounding
 *       ((1 − a)(1 + a) at a = 1e-300, h − a(a/h) in a/hypot(a, b) where |b| ≪ |a|) loses what the table's
 *       second rule keeps (not compared where a second partial overflows: the nested quotient rules meet ∞ − ∞);</li>
 *   <li>on the second-order tape, the Hessian equal to the table's second partials (bit for bit for unary
 *       primitives and for atan2 and hypot, whose second derivatives the tape takes from the generic rule on
 *       doubles; within 1e-13 relative for the others, whose rules it writes out), 0 at kinks, and for pow at
 *       a = 0 (where a^(b−2) is infinite) the limits the tape documents;</li>
 *   <li>in the compiled window kernels (70 windows of the same point), every gradient entry equal bit for bit,
 *       the kinks recorded.</li>
 * </ul>
 * Where a partial of the table overflows or is undefined at a point of the domain, every engine reports it
 * (a {@link DomainException}: overflow, or the derivative undefined) instead of returning ∞ or NaN.
 */
class TableEnginesTest {
    private static final int WINDOWS = 70;

    private static RealFunction of(Primitive p) {
        return p.arity() == 1 ? x -> x[0].apply(p) : x -> x[0].apply(p, x[1]);
    }

    private static boolean same(double x, double y) {
        return x == y || Double.isNaN(x) && Double.isNaN(y);
    }

    private static boolean close(double x, double y, double rel) {
        return same(x, y) || Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y));
    }

    @ParameterizedTest
    @EnumSource(Primitive.class)
    void everyEngineTakesTheTablesRules(Primitive p) {
        RealFunction f = of(p);
        int n = p.arity();
        Reals.WindowTerm term = n == 1 ? w -> w.get(0).apply(p) : w -> w.get(0).apply(p, w.get(1));
        RealFunction windows = x -> Reals.windowSum(x, n, n, term);
        for (double[] ab : TablePoints.points(p, 150)) {
            double[] x = java.util.Arrays.copyOf(ab, n);
            String at = p + " at " + java.util.Arrays.toString(x);
            double v = p.value(ab[0], ab[1]);
            boolean kink = p.kink(ab[0], ab[1]) != null;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = p.partial(i, ab[0], ab[1], v);
            }

            if (!Arrays.stream(d).allMatch(Double::isFinite)) {
                // a partial overflows (−(a/b)/b at b = 1e-300) or is undefined (a^b in b at a < 0): reported
                String kind = Arrays.stream(d).anyMatch(Double::isNaN) ? "the derivative of" : "overflow";
                assertThatThrownBy(() -> AD.valueAndGrad(f, x)).as(at).isInstanceOf(DomainException.class)
                        .hasMessageStartingWith(kind);
                assertThatThrownBy(() -> AD.hessian(f, x)).as(at).isInstanceOf(DomainException.class);
                continue;
            }
            Gradient g = AD.valueAndGrad(f, x);
            assertThat(same(g.value(), v)).as("value, " + at).isTrue();
            for (int i = 0; i < n; i++) {
                assertThat(same(g.gradient()[i], d[i])).as("tape partial %d, %s: %s vs %s", i, at, g.gradient()[i],
                        d[i]).isTrue();
                assertThat(same(AD.jvp(f, x, Vectors.unit(n, i)), d[i])).as("dual partial %d, %s", i, at).isTrue();
            }
            assertThat(g.kinks().isEmpty()).as("kinks, " + at).isEqualTo(!kink);

            double[][] h = AD.hessian(f, x);
            boolean finiteHessian = true; // else the nested path meets ∞ − ∞ in its quotient rules
            double largest = 0; // the Hessian's largest entry: the scale of the nested path's rounding
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double e = kink ? 0 : p.second(Doubles.ALGEBRA, i, j, ab[0], ab[1], v);
                    finiteHessian &= Double.isFinite(e);
                    largest = Math.max(largest, Math.abs(e));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (p == Primitive.POW && ab[0] == 0) {
                        continue; // b(b − 1) a^(b−2) is 0·∞ at a = 0: the tape takes its limits (HessianVectorProductTest)
                    }
                    double expected = kink ? 0 : p.second(Doubles.ALGEBRA, i, j, ab[0], ab[1], v);
                    double rel = n == 1 || p == Primitive.ATAN2 || p == Primitive.HYPOT ? 0 : 1e-13;
                    assertThat(close(h[i][j], expected, rel)).as("second-order tape H%d%d, %s: %s vs %s", i, j, at,
                            h[i][j], expected).isTrue();
                    if (!finiteHessian) {
                        continue;
                    }
                    int row = i;
                    double nested = AD.jvp(y -> AD.grad(f, y)[row], x, Vectors.unit(n, j));
                    double tol = 1e-9 * largest + 1e-13 * Math.max(Math.abs(d[i]), Math.abs(d[j]));
                    assertThat(same(nested, expected) || Math.abs(nested - expected) <= tol).as("nested H%d%d, %s: %s vs %s", i, j, at, nested,
                            expected).isTrue();
                }
                int row = i;
                double inner = AD.value(y -> AD.grad(f, y)[row], x);
                assertThat(same(inner, d[i])).as("nested partial %d, %s", i, at).isTrue();
            }

            double[] repeated = new double[WINDOWS * n];
            for (int k = 0; k < repeated.length; k++) {
                repeated[k] = x[k % n];
            }
            Gradient gw = AD.valueAndGrad(windows, repeated);
            for (int k = 0; k < repeated.length; k++) {
                assertThat(same(gw.gradient()[k], d[k % n])).as("kernel entry %d, %s", k, at).isTrue();
            }
            assertThat(gw.kinks().isEmpty()).as("kernel kinks, " + at).isEqualTo(!kink);
            assertThat(same(AD.jvp(windows, repeated, Vectors.unit(repeated.length, 0)), d[0]))
                    .as("kernel tangent, " + at).isTrue();
        }
    }
}
