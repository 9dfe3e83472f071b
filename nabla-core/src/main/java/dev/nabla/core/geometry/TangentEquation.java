package dev.nabla.core.geometry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;

/**
 * The tangent line (n = 2), plane (n = 3) or hyperplane of a level set: Σ a_i (y_i − x_i) = 0 with a = ∇f(x).
 * {@link #toString()} prints it as a person writes it, e.g. {@code 2*(x - 1) + 4*(y - 2) = 0}; zero
 * coefficients are left out, coefficients 1 and −1 are not written, numbers have at most 10 significant digits.
 *
 * @param coefficients a = ∇f(x), the normal
 * @param point        x, the point of tangency
 * @param variables    the variable names y_1 … y_n
 */
public record TangentEquation(double[] coefficients, double[] point, List<String> variables) {

    /**
     * The canonical constructor (it checks and copies the components as the record requires).
     *
     * @param coefficients a = ∇f(x), the normal
     * @param point        x, the point of tangency
     * @param variables    the variable names y_1 … y_n
     */
    public TangentEquation {
        coefficients = coefficients.clone();
        point = point.clone();
        variables = List.copyOf(variables);
        if (coefficients.length != point.length || variables.size() != point.length) {
            throw new IllegalArgumentException("coefficients, point and variables must have the same length");
        }
    }

    /**
     * a·(y − x), zero exactly on the tangent plane.
     *
     * @param y a point
     * @return a·(y − x)
     */
    public double evaluate(double[] y) {
        double s = 0;
        for (int i = 0; i < point.length; i++) {
            s += coefficients[i] * (y[i] - point[i]);
        }
        return s;
    }

    /** @return a = ∇f(x), the normal (a copy) */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** @return x, the point of tangency (a copy) */
    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < point.length; i++) {
            double a = coefficients[i];
            if (a == 0) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(a < 0 ? "-" : "");
            } else {
                sb.append(a < 0 ? " - " : " + ");
            }
            double m = Math.abs(a);
            if (m != 1) {
                sb.append(format(m)).append('*');
            }
            String v = variables.get(i);
            double p = point[i];
            if (p == 0) {
                sb.append(v);
            } else {
                sb.append('(').append(v).append(p < 0 ? " + " : " - ").append(format(Math.abs(p))).append(')');
            }
        }
        return (sb.length() == 0 ? "0" : sb.toString()) + " = 0";
    }

    /** Integers without a decimal point, others to 10 significant digits without trailing zeros. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        return exponent < -6 || exponent > 15 ? d.toString() : d.toPlainString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TangentEquation t && Arrays.equals(coefficients, t.coefficients)
                && Arrays.equals(point, t.point) && variables.equals(t.variables);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(coefficients) * 31 + Arrays.hashCode(point)) * 31 + variables.hashCode();
    }
}
