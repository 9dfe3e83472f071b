package dev.nabla.bench.workload;

import dev.nabla.symbolic.Formula;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.CalculusFieldElement;

/**
 * The Rosenbrock function f(x) = Σ_{i=0}^{n−2} [100 (x_{i+1} − x_i²)² + (1 − x_i)²], written once per number
 * system: plain doubles (the baseline), Hipparchus field elements. The Nabla {@code Real} version lives in
 * {@link NablaWorkloads} so that this class compiles against Hipparchus alone.
 */
public final class Rosenbrock {

    private Rosenbrock() {
    }

    /** f(x) with plain doubles: the hand-written baseline every ratio is taken against. */
    public static double value(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double t = x[i + 1] - x[i] * x[i];
            double u = 1 - x[i];
            sum += 100 * t * t + u * u;
        }
        return sum;
    }

    /**
     * f(x) and ∇f(x) written by hand in plain Java (no AD): ∂f/∂x_i gets −400 x_i t_i − 2 (1 − x_i) from term i
     * and 200 t_{i−1} from term i − 1, with t_i = x_{i+1} − x_i². The lower bound any AD tool is measured against.
     */
    public static double valueAndGradient(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double t = x[i + 1] - x[i] * x[i];
            double u = 1 - x[i];
            sum += 100 * t * t + u * u;
            gradient[i] += -400 * x[i] * t - 2 * u;
            gradient[i + 1] += 200 * t;
        }
        return sum;
    }

    /** D_v f(x) = Σ 200 t_i (v_{i+1} − 2 x_i v_i) − 2 (1 − x_i) v_i, written by hand (no gradient formed). */
    public static double directionalDerivative(double[] x, double[] v) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double t = x[i + 1] - x[i] * x[i];
            sum += 200 * t * (v[i + 1] - 2 * x[i] * v[i]) - 2 * (1 - x[i]) * v[i];
        }
        return sum;
    }

    /** f(x) on Hipparchus field elements (Gradient, DerivativeStructure, …). */
    public static <T extends CalculusFieldElement<T>> T value(T[] x) {
        T sum = x[0].getField().getZero();
        for (int i = 0; i + 1 < x.length; i++) {
            T t = x[i + 1].subtract(x[i].square());
            T u = x[i].negate().add(1);
            sum = sum.add(t.square().multiply(100).add(u.square()));
        }
        return sum;
    }

    /** f as a formula in the variables x0 … x(n−1), in that order: {@code 100*(x1 - x0^2)^2 + (1 - x0)^2 + …}. */
    public static Formula formula(int n) {
        List<String> variables = new ArrayList<>();
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < n; i++) {
            variables.add("x" + i);
            if (i + 1 < n) {
                source.append(i == 0 ? "" : " + ").append("100*(x").append(i + 1).append(" - x").append(i)
                        .append("^2)^2 + (1 - x").append(i).append(")^2");
            }
        }
        return Formula.parse(source.toString(), variables);
    }

    /** The standard starting point x_i = −1.2 for even i, 1 for odd i (as in Moré, Garbow and Hillstrom). */
    public static double[] startingPoint(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }
}
