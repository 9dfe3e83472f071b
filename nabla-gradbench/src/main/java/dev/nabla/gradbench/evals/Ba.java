package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.RealVectorFunction;
import dev.nabla.core.ad.ReverseGradient;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GradBench {@code ba} (ADBench bundle adjustment). The input's single camera (r₁ r₂ r₃ C₁ C₂ C₃ f u₀ v₀ k₁ k₂),
 * point, weight and feature are duplicated to n cameras, m points and p observations, observation i seeing
 * camera i mod n and point i mod m. For each observation the reprojection error is
 * w · (f · distort(π(R(r)(X − C))) + (u₀, v₀) − feature) with Rodrigues rotation R, perspective division π
 * and radial distortion L = 1 + k₁ρ² + k₂ρ⁴, and the weight error is 1 − w².
 *
 * <p>{@code objective} returns the errors in the eval's repeated encoding; {@code jacobian} builds the whole
 * (3p) × (11n + 3m + p) sparse Jacobian in compressed-row form — per observation two rows of 15 entries
 * (11 camera columns, 3 point columns, 1 weight column) from two reverse passes, then p one-entry rows
 * ∂(1 − w²)/∂w — and returns the first 30 and the last entry of its rows, cols and vals lists.
 */
public final class Ba implements Eval {
    static final int CAMERA = 11;
    static final int BLOCK = CAMERA + 3 + 1;

    record Problem(int n, int m, int p, double[] camera, double[] point, double weight, double[] feature) {
        int camera(int observation) {
            return observation % n;
        }

        int point(int observation) {
            return observation % m;
        }
    }

    /** The reprojection error (2 components) of one observation from its 15 inputs (camera, point, weight). */
    static Real[] reprojection(Real[] in, double[] feature) {
        Real[] xo = {in[11].subtract(in[3]), in[12].subtract(in[4]), in[13].subtract(in[5])};
        Real[] rot = {in[0], in[1], in[2]};
        Real[] xcam = rotate(rot, xo);
        Real px = xcam[0].divide(xcam[2]);
        Real py = xcam[1].divide(xcam[2]);
        Real rsq = px.square().add(py.square());
        Real distortion = in[9].multiply(rsq).add(in[10].multiply(rsq.square())).add(1);
        Real projX = px.multiply(distortion).multiply(in[6]).add(in[7]);
        Real projY = py.multiply(distortion).multiply(in[6]).add(in[8]);
        return new Real[] {in[14].multiply(projX.subtract(feature[0])), in[14].multiply(projY.subtract(feature[1]))};
    }

    /** Rodrigues: R(r) x = x cos θ + (ω × x) sin θ + ω (ω·x)(1 − cos θ), ω = r/θ; x + r × x when θ = 0. */
    static Real[] rotate(Real[] r, Real[] x) {
        Real sqTheta = r[0].square().add(r[1].square()).add(r[2].square());
        if (sqTheta.value() != 0) {
            Real theta = sqTheta.sqrt();
            Real cos = theta.cos();
            Real sin = theta.sin();
            Real inverse = theta.reciprocal();
            Real[] w = {r[0].multiply(inverse), r[1].multiply(inverse), r[2].multiply(inverse)};
            Real[] cross = cross(w, x);
            Real tmp = w[0].multiply(x[0]).add(w[1].multiply(x[1])).add(w[2].multiply(x[2])).multiply(cos.negate().add(1));
            Real[] out = new Real[3];
            for (int i = 0; i < 3; i++) {
                out[i] = x[i].multiply(cos).add(cross[i].multiply(sin)).add(w[i].multiply(tmp));
            }
            return out;
        }
        Real[] cross = cross(r, x);
        return new Real[] {x[0].add(cross[0]), x[1].add(cross[1]), x[2].add(cross[2])};
    }

    private static Real[] cross(Real[] a, Real[] b) {
        return new Real[] {
            a[1].multiply(b[2]).subtract(a[2].multiply(b[1])),
            a[2].multiply(b[0]).subtract(a[0].multiply(b[2])),
            a[0].multiply(b[1]).subtract(a[1].multiply(b[0]))};
    }

    static final RealFunction WEIGHT_ERROR = w -> w[0].square().negate().add(1);

    /** All errors: reprojection (2p) then weight (p), over all parameters (11n cameras, 3m points, p weights). */
    static RealVectorFunction errors(Problem q) {
        return v -> {
            Real[] out = new Real[3 * q.p()];
            Real[] in = new Real[BLOCK];
            for (int i = 0; i < q.p(); i++) {
                System.arraycopy(v, CAMERA * q.camera(i), in, 0, CAMERA);
                System.arraycopy(v, CAMERA * q.n() + 3 * q.point(i), in, CAMERA, 3);
                in[14] = v[CAMERA * q.n() + 3 * q.m() + i];
                Real[] e = reprojection(in, q.feature());
                out[2 * i] = e[0];
                out[2 * i + 1] = e[1];
            }
            for (int i = 0; i < q.p(); i++) {
                out[2 * q.p() + i] = WEIGHT_ERROR.apply(new Real[] {v[CAMERA * q.n() + 3 * q.m() + i]});
            }
            return out;
        };
    }

    static double[] parameters(Problem q) {
        double[] v = new double[CAMERA * q.n() + 3 * q.m() + q.p()];
        for (int j = 0; j < q.n(); j++) {
            System.arraycopy(q.camera(), 0, v, CAMERA * j, CAMERA);
        }
        for (int j = 0; j < q.m(); j++) {
            System.arraycopy(q.point(), 0, v, CAMERA * q.n() + 3 * j, 3);
        }
        java.util.Arrays.fill(v, CAMERA * q.n() + 3 * q.m(), v.length, q.weight());
        return v;
    }

    /** The sparse Jacobian in compressed-row form: row pointers, column indices, values. */
    record SparseJacobian(int[] rows, int[] cols, double[] vals) {
        /** The eval's output: the first 30 entries and the last one of each list. */
        Map<String, Object> excerpt() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cols", excerpt(cols));
            out.put("rows", excerpt(rows));
            out.put("vals", excerpt(vals));
            return out;
        }

        private static int[] excerpt(int[] a) {
            int k = Math.min(30, a.length - 1);
            int[] e = new int[k + 1];
            System.arraycopy(a, 0, e, 0, k);
            e[k] = a[a.length - 1];
            return e;
        }

        private static double[] excerpt(double[] a) {
            int k = Math.min(30, a.length - 1);
            double[] e = new double[k + 1];
            System.arraycopy(a, 0, e, 0, k);
            e[k] = a[a.length - 1];
            return e;
        }
    }

    /** Computes the Jacobian with reusable reverse tapes, one per reprojection component. */
    static final class JacobianBuilder {
        private final Problem q;
        private final double[] feature = new double[2];
        private final ReverseGradient[] component = new ReverseGradient[2];
        private final ReverseGradient weight = AD.gradientOf(WEIGHT_ERROR, 1);

        JacobianBuilder(Problem q) {
            this.q = q;
            for (int c = 0; c < 2; c++) {
                int which = c;
                component[c] = AD.gradientOf(in -> reprojection(in, feature)[which], BLOCK);
            }
        }

        SparseJacobian compute(double[] v) {
            int p = q.p();
            int[] rows = new int[3 * p + 1];
            int[] cols = new int[BLOCK * 2 * p + p];
            double[] vals = new double[cols.length];
            double[] in = new double[BLOCK];
            double[] g = new double[BLOCK];
            feature[0] = q.feature()[0];
            feature[1] = q.feature()[1];
            int pointColumns = CAMERA * q.n();
            int weightColumns = pointColumns + 3 * q.m();
            int k = 0;
            for (int i = 0; i < p; i++) {
                int cam = q.camera(i);
                int pt = q.point(i);
                System.arraycopy(v, CAMERA * cam, in, 0, CAMERA);
                System.arraycopy(v, pointColumns + 3 * pt, in, CAMERA, 3);
                in[14] = v[weightColumns + i];
                for (int c = 0; c < 2; c++) {
                    component[c].valueAndGradient(in, g);
                    for (int j = 0; j < CAMERA; j++) {
                        cols[k] = CAMERA * cam + j;
                        vals[k++] = g[j];
                    }
                    for (int j = 0; j < 3; j++) {
                        cols[k] = pointColumns + 3 * pt + j;
                        vals[k++] = g[CAMERA + j];
                    }
                    cols[k] = weightColumns + i;
                    vals[k++] = g[14];
                    rows[2 * i + c + 1] = k;
                }
            }
            double[] w = new double[1];
            double[] dw = new double[1];
            for (int i = 0; i < p; i++) {
                w[0] = v[weightColumns + i];
                weight.valueAndGradient(w, dw);
                cols[k] = weightColumns + i;
                vals[k++] = dw[0];
                rows[2 * p + i + 1] = k;
            }
            return new SparseJacobian(rows, cols, vals);
        }
    }

    static Problem problem(JsonNode input) {
        int n = Inputs.integer(input, "n");
        int m = Inputs.integer(input, "m");
        int p = Inputs.integer(input, "p");
        Inputs.require(n >= 1 && m >= 1 && p >= 1, "n, m and p must be positive");
        Inputs.require((long) CAMERA * n + 3L * m + 32L * p < Integer.MAX_VALUE / 2, "n, m, p too large");
        return new Problem(n, m, p, Inputs.vector(Inputs.field(input, "cam"), "'cam'", CAMERA),
                Inputs.vector(Inputs.field(input, "x"), "'x'", 3), Inputs.number(input, "w"),
                Inputs.vector(Inputs.field(input, "feat"), "'feat'", 2));
    }

    @Override
    public String module() {
        return "ba";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        Problem q = problem(input);
        double[] v = parameters(q);
        return switch (function) {
            case "objective" -> {
                RealVectorFunction u = errors(q);
                yield new Computation() {
                    @Override
                    public Object run() {
                        return Plain.values(u, v);
                    }

                    @Override
                    public Object output(Object result) {
                        double[] e = (double[]) result;
                        Map<String, Object> reproj = new LinkedHashMap<>();
                        reproj.put("elements", new double[] {e[0], e[1]});
                        reproj.put("repeated", q.p());
                        Map<String, Object> weight = new LinkedHashMap<>();
                        weight.put("element", e[2 * q.p()]);
                        weight.put("repeated", q.p());
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("reproj_error", reproj);
                        out.put("w_err", weight);
                        return out;
                    }
                };
            }
            case "jacobian" -> {
                JacobianBuilder builder = new JacobianBuilder(q);
                yield new Computation() {
                    @Override
                    public Object run() {
                        return builder.compute(v);
                    }

                    @Override
                    public Object output(Object result) {
                        return ((SparseJacobian) result).excerpt();
                    }
                };
            }
            default -> throw new InputException("unknown function '" + function + "' (expected objective or jacobian)");
        };
    }
}
