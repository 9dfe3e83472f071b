package dev.nabla.core.numeric;

import dev.nabla.core.field.ScalarField;
import dev.nabla.core.field.VectorField;
import dev.nabla.core.field.Vectors;

/**
 * Finite differences along a direction v:
 * <pre>
 *   central   (f(x + h v) − f(x − h v)) / 2h     error O(h²)
 *   forward   (f(x + h v) − f(x)) / h            error O(h)
 *   backward  (f(x) − f(x − h v)) / h            error O(h)
 * </pre>
 * and from them the finite-difference gradient, Jacobian and (Richardson-extrapolated) directional derivative.
 *
 * <p>Default steps. A single central difference uses h = ε^{1/3}·max(1, |x_i|) per axis (ε = 2^-52, so
 * h ≈ 6e-6·scale), which balances the O(h²) truncation against the O(ε/h) rounding error; along a general v
 * the step is ε^{1/3}·max(1, ‖x‖_∞)/‖v‖. Ladders are taken relative to the {@linkplain #scale scale}
 * max(1, ‖x‖_∞)/‖v‖, so that the displacement ‖h v‖ is h_k·max(1, ‖x‖_∞).
 *
 * <p>Evaluations that throw an {@link ArithmeticException} (a {@code DomainException}: the step left the
 * domain) give a NaN quotient in ladders, which extrapolation skips.
 */
public final class FiniteDifferences {

    /** Machine epsilon 2^-52. */
    public static final double EPSILON = Math.ulp(1.0);

    /** ε^{1/3} ≈ 6.06e-6, the relative step of a single central difference. */
    public static final double CENTRAL_STEP = Math.cbrt(EPSILON);

    /**
     * Safety factor on the rounding noise of a quotient: a well-computed f carries a few ulps of relative
     * error, so the noise of a difference quotient is taken as {@value} · ε · max|f| / h.
     */
    public static final double NOISE_FACTOR = 8;

    private FiniteDifferences() {
    }

    /**
     * (f(x + h v) − f(x − h v)) / 2h.
     *
     * @param f the field
     * @param x the point
     * @param v the direction (not normalised)
     * @param h the step h &gt; 0
     * @return the central quotient
     */
    public static double central(ScalarField f, double[] x, double[] v, double h) {
        return (f.value(Vectors.axpy(h, v, x)) - f.value(Vectors.axpy(-h, v, x))) / (2 * h);
    }

    /**
     * (f(x + h v) − f(x)) / h.
     *
     * @param f the field
     * @param x the point
     * @param v the direction (not normalised)
     * @param h the step h &gt; 0
     * @return the forward quotient
     */
    public static double forward(ScalarField f, double[] x, double[] v, double h) {
        return (f.value(Vectors.axpy(h, v, x)) - f.value(x)) / h;
    }

    /**
     * (f(x) − f(x − h v)) / h.
     *
     * @param f the field
     * @param x the point
     * @param v the direction (not normalised)
     * @param h the step h &gt; 0
     * @return the backward quotient
     */
    public static double backward(ScalarField f, double[] x, double[] v, double h) {
        return (f.value(x) - f.value(Vectors.axpy(-h, v, x))) / h;
    }

    /**
     * D_v f(x) ≈ one central difference with step ε^{1/3}·max(1, ‖x‖_∞)/‖v‖ (2 evaluations; relative
     * error typically 1e-10 for smooth f of moderate curvature). Use {@link #extrapolated} for more accuracy
     * and an error estimate.
     *
     * @param f the field
     * @param x the point
     * @param v the direction (not normalised)
     * @return the estimate of D_v f(x)
     */
    public static double directionalDerivative(ScalarField f, double[] x, double[] v) {
        double norm = Vectors.norm(v);
        if (norm == 0) {
            return 0;
        }
        return central(f, x, v, CENTRAL_STEP * scale(x, v));
    }

    /**
     * ∇f(x) ≈ (central difference along each axis e_i with step ε^{1/3}·max(1, |x_i|)), 2n evaluations. The
     * step actually used is the representable difference (x_i + h) − (x_i − h).
     *
     * @param f the field
     * @param x the point
     * @return the estimate of ∇f(x)
     */
    public static double[] gradient(ScalarField f, double[] x) {
        int n = x.length;
        double[] g = new double[n];
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
            double h = CENTRAL_STEP * Math.max(1, Math.abs(x[i]));
            double plus = x[i] + h;
            double minus = x[i] - h;
            y[i] = plus;
            double fp = f.value(y);
            y[i] = minus;
            double fm = f.value(y);
            y[i] = x[i];
            g[i] = (fp - fm) / (plus - minus);
        }
        return g;
    }

    /**
     * J_u(x) (m × n, row i = ∇u_i) by central differences along each axis, same steps as {@link #gradient};
     * 2n evaluations of u.
     *
     * @param u the vector field
     * @param x the point
     * @return the estimate of J_u(x), m × n
     */
    public static double[][] jacobian(VectorField u, double[] x) {
        int n = x.length;
        double[][] columns = new double[n][];
        double[] y = x.clone();
        for (int j = 0; j < n; j++) {
            double h = CENTRAL_STEP * Math.max(1, Math.abs(x[j]));
            double plus = x[j] + h;
            double minus = x[j] - h;
            y[j] = plus;
            double[] up = u.value(y);
            y[j] = minus;
            double[] um = u.value(y);
            y[j] = x[j];
            columns[j] = Vectors.scale(1 / (plus - minus), Vectors.subtract(up, um));
        }
        int m = n == 0 ? u.value(x).length : columns[0].length;
        double[][] jac = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                jac[i][j] = columns[j][i];
            }
        }
        return jac;
    }

    /**
     * max(1, ‖x‖_∞) / ‖v‖: the step scale along v, so that ‖h v‖ = h_k·max(1, ‖x‖_∞).
     *
     * @param x the point
     * @param v the direction (not normalised)
     * @return max(1, ‖x‖_∞) / ‖v‖
     */
    public static double scale(double[] x, double[] v) {
        double xmax = 1;
        for (double xi : x) {
            xmax = Math.max(xmax, Math.abs(xi));
        }
        return xmax / Vectors.norm(v);
    }

    /**
     * D_v f(x) by central differences over {@link StepLadder#DEFAULT} and Richardson extrapolation.
     *
     * @param f the field
     * @param x the point
     * @param v the direction (not normalised)
     * @return the extrapolated D_v f(x) with its error estimate
     */
    public static Estimate extrapolated(ScalarField f, double[] x, double[] v) {
        return centralQuotients(f, x, v, StepLadder.DEFAULT).extrapolate();
    }

    /**
     * Central quotients (f(x + h v) − f(x − h v)) / 2h over the ladder (steps relative to {@link #scale}).
     *
     * @param f the field
     * @param x the point
     * @param v the direction (not normalised)
     * @param ladder the relative steps, scaled by {@link #scale}
     * @return the quotients, power 2
     */
    public static Quotients centralQuotients(ScalarField f, double[] x, double[] v, StepLadder ladder) {
        VectorField u = y -> new double[] {f.value(y)};
        return componentQuotients(u, x, v, ladder)[0];
    }

    /**
     * Central quotients of every component of u along v over the ladder, from one evaluation of u per
     * point; element i of the result belongs to u_i.
     *
     * @param u the vector field
     * @param x the point
     * @param v the direction (not normalised)
     * @param ladder the relative steps, scaled by {@link #scale}
     * @return the quotients of each component u_i, power 2
     */
    public static Quotients[] componentQuotients(VectorField u, double[] x, double[] v, StepLadder ladder) {
        double scale = scale(x, v);
        int k = ladder.size();
        double[] steps = new double[k];
        double[][] plus = new double[k][];
        double[][] minus = new double[k][];
        int m = -1;
        for (int s = 0; s < k; s++) {
            steps[s] = ladder.step(s, scale);
            plus[s] = valueOrNull(u, Vectors.axpy(steps[s], v, x));
            minus[s] = valueOrNull(u, Vectors.axpy(-steps[s], v, x));
            m = Math.max(m, Math.max(plus[s] == null ? -1 : plus[s].length, minus[s] == null ? -1 : minus[s].length));
        }
        if (m < 0) {
            m = u.value(x).length;
        }
        Quotients[] out = new Quotients[m];
        double xmax = Math.max(1, maxAbs(x));
        double vnorm = Vectors.norm(v);
        for (int i = 0; i < m; i++) {
            double[] values = new double[k];
            double[] noise = new double[k];
            for (int s = 0; s < k; s++) {
                if (plus[s] == null || minus[s] == null) {
                    values[s] = Double.NaN;
                    noise[s] = Double.NaN;
                    continue;
                }
                double fp = plus[s][i];
                double fm = minus[s][i];
                values[s] = (fp - fm) / (2 * steps[s]);
                noise[s] = noise(Math.max(Math.abs(fp), Math.abs(fm)), values[s], steps[s], vnorm, xmax);
            }
            out[i] = new Quotients(steps, values, noise, 2);
        }
        return out;
    }

    /**
     * One-sided quotients (f(x + t v) − f(x)) / t for t = h_k·{@link #scale} &gt; 0: the right-hand quotients
     * of the definition D_v f(x) = lim_{t→0} (f(x + t v) − f(x)) / t. The left-hand ones (t ↑ 0) are
     * {@code oneSidedQuotients(f, x, −v, ladder).scaled(−1)}.
     *
     * @param f the field
     * @param x the point
     * @param v the direction (not normalised)
     * @param ladder the relative steps, scaled by {@link #scale}
     * @return the right-hand quotients, power 1
     */
    public static Quotients oneSidedQuotients(ScalarField f, double[] x, double[] v, StepLadder ladder) {
        double scale = scale(x, v);
        double f0 = f.value(x);
        double xmax = Math.max(1, maxAbs(x));
        double vnorm = Vectors.norm(v);
        int k = ladder.size();
        double[] steps = new double[k];
        double[] values = new double[k];
        double[] noise = new double[k];
        for (int s = 0; s < k; s++) {
            steps[s] = ladder.step(s, scale);
            double[] fp = valueOrNull(y -> new double[] {f.value(y)}, Vectors.axpy(steps[s], v, x));
            if (fp == null) {
                values[s] = Double.NaN;
                noise[s] = Double.NaN;
                continue;
            }
            values[s] = (fp[0] - f0) / steps[s];
            noise[s] = noise(2 * Math.max(Math.abs(fp[0]), Math.abs(f0)), values[s], steps[s], vnorm, xmax);
        }
        return new Quotients(steps, values, noise, 1);
    }

    /**
     * Rounding noise of a quotient: the values' rounding NOISE_FACTOR·ε·fPerStep/h (fPerStep = max|f| for a
     * central quotient, whose difference of two values rounded by ε|f| each is divided by 2h; 2·max|f| for a
     * one-sided one, divided by h), plus the rounding of the point x ± h v itself, which perturbs the
     * displacement h‖v‖ by about ε·‖x‖_∞ and hence the quotient by |φ|·ε·‖x‖_∞/(h‖v‖).
     */
    private static double noise(double fPerStep, double quotient, double h, double vnorm, double xmax) {
        return NOISE_FACTOR * EPSILON * (fPerStep / h + Math.abs(quotient) * xmax / (h * vnorm));
    }

    private static double[] valueOrNull(VectorField u, double[] y) {
        try {
            double[] r = u.value(y);
            for (double ri : r) {
                if (!Double.isFinite(ri)) {
                    return null;
                }
            }
            return r;
        } catch (ArithmeticException outsideDomain) {
            return null;
        }
    }

    private static double maxAbs(double[] x) {
        double m = 0;
        for (double xi : x) {
            m = Math.max(m, Math.abs(xi));
        }
        return m;
    }
}
