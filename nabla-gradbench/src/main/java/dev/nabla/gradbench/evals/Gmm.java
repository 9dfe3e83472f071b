package dev.nabla.gradbench.evals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.core.ad.Reals;
import dev.nabla.core.ir.Loops;
import dev.nabla.core.ir.Vec;
import dev.nabla.core.ir.VecFunction;
import dev.nabla.gradbench.Eval;
import dev.nabla.gradbench.InputException;
import dev.nabla.gradbench.Inputs;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GradBench {@code gmm}: the log posterior of a Gaussian mixture with the corrected Wishart prior on the
 * precision matrices Σₖ⁻¹ = QₖᵀQₖ (Qₖ lower triangular, diagonal exp(qₖ), strictly lower part lₖ filled
 * column by column):
 * <pre>
 * F = −N (D/2 log 2π + lse(α)) + Σᵢ lse(βᵢ) + K (nD log(γ/√2) − log Γ_D(n/2)) − Σₖ (γ²/2 ‖Qₖ‖_F² − m Σⱼ qₖⱼ)
 * βᵢₖ = αₖ − ½ ‖Qₖ (xᵢ − μₖ)‖² + Σⱼ qₖⱼ,   n = D + m + 1.
 * </pre>
 * {@code jacobian} is ∇F over (α, μ, q, l) by reverse mode. On the tape ({@link Engine#TAPE}) each βᵢₖ is three
 * array tape entries (xᵢ − μₖ, Qₖ·, squared norm) and each lse one; as a program ({@link Engine#PROGRAM}) the
 * same formula is written with loops over a vector of parameters, traced once and compiled.
 */
public final class Gmm implements Eval {
    private final Engine engine;

    public Gmm(Engine engine) {
        this.engine = engine;
    }

    public Gmm() {
        this(Engine.PROGRAM);
    }

    /** The decoded input: sizes, data and Wishart parameters; the independent variables flattened. */
    record Problem(int d, int k, int n, double[][] x, int m, double gamma, double[] parameters) {
        int triangle() {
            return d * (d - 1) / 2;
        }

        int muOffset() {
            return k;
        }

        int qOffset() {
            return k + k * d;
        }

        int lOffset() {
            return k + 2 * k * d;
        }
    }

    static RealFunction objective(Problem p) {
        int d = p.d(), k = p.k(), n = p.n(), lsz = p.triangle();
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        int dof = d + p.m() + 1;
        double wishartConstant = dof * d * (Math.log(p.gamma()) - 0.5 * Math.log(2)) - logMultivariateGamma(0.5 * dof, d);
        return v -> {
            Real zero = v[0].constant(0);
            Real minusOne = v[0].constant(-1);
            Real[] alpha = Arrays.copyOfRange(v, 0, k);
            Real[][] mu = new Real[k][];
            Real[][] q = new Real[k][];
            Real[][] l = new Real[k][];
            Real[][] qMatrix = new Real[k][];
            Real[] sumQ = new Real[k];
            Real[] prior = new Real[k];
            for (int c = 0; c < k; c++) {
                mu[c] = Arrays.copyOfRange(v, p.muOffset() + c * d, p.muOffset() + (c + 1) * d);
                q[c] = Arrays.copyOfRange(v, p.qOffset() + c * d, p.qOffset() + (c + 1) * d);
                l[c] = Arrays.copyOfRange(v, p.lOffset() + c * lsz, p.lOffset() + (c + 1) * lsz);
                Real[] diagonal = new Real[d];
                Real[] qm = new Real[d * d];
                Arrays.fill(qm, zero);
                int li = 0;
                for (int j = 0; j < d; j++) {
                    diagonal[j] = q[c][j].exp();
                    qm[j * d + j] = diagonal[j];
                    for (int i = j + 1; i < d; i++) {
                        qm[i * d + j] = l[c][li++];
                    }
                }
                qMatrix[c] = qm;
                sumQ[c] = Reals.sum(q[c]);
                Real frobenius = lsz == 0 ? Reals.squaredNorm(diagonal) : Reals.squaredNorm(diagonal).add(Reals.squaredNorm(l[c]));
                prior[c] = frobenius.multiply(0.5 * p.gamma() * p.gamma()).subtract(sumQ[c].multiply(p.m()));
            }
            Real[] lse = new Real[n];
            for (int i = 0; i < n; i++) {
                Real[] beta = new Real[k]; // fresh: an array primitive may keep its operand for the backward pass
                Real[] xi = Reals.constants(zero, p.x()[i]);
                for (int c = 0; c < k; c++) {
                    Real[] centered = Reals.axpy(minusOne, mu[c], xi);
                    Real[] qx = Reals.matVec(qMatrix[c], d, d, centered);
                    beta[c] = alpha[c].add(sumQ[c]).subtract(Reals.squaredNorm(qx).multiply(0.5));
                }
                lse[i] = Reals.logSumExp(beta);
            }
            Real likelihood = Reals.sum(lse).subtract(Reals.logSumExp(alpha).multiply(n)).add(constant);
            return likelihood.subtract(Reals.sum(prior)).add(k * wishartConstant);
        };
    }

    /**
     * The objective on a vector of parameters (α, μ, q, L) in which each Lₖ is a dense d × d matrix (row-major;
     * only its strictly lower part is used, the rest is held at zero), as a user writes it with loops: exp(qₖ) and
     * Σⱼ qₖⱼ computed once, then for each point a materialised βᵢ (per component: xᵢ − μₖ materialised, the rows
     * of Qₖ(xᵢ − μₖ) as inner loops) and its log-sum-exp.
     */
    static VecFunction program(Problem p) {
        int d = p.d(), k = p.k(), n = p.n(), dd = d * d;
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        int dof = d + p.m() + 1;
        double wishartConstant = dof * d * (Math.log(p.gamma()) - 0.5 * Math.log(2)) - logMultivariateGamma(0.5 * dof, d);
        double halfGammaSquared = 0.5 * p.gamma() * p.gamma();
        double[] xs = Inputs.flatten(p.x());
        return v -> {
            Vec x = Vec.constant(xs);
            Vec alpha = v.slice(0, k);
            Vec mu = v.slice(p.muOffset(), k * d);
            Vec q = v.slice(p.qOffset(), k * d);
            Vec l = v.slice(p.lOffset(), k * dd);
            Vec diagonal = q.map(Real::exp).materialize();
            Vec sumQ = Vec.tabulate(k, c -> Loops.fori(0, d, 0.0, (j, s) -> s.add(q.get(c.times(d).plus(j)))));
            Real likelihood = Loops.fori(0, n, 0.0, (i, total) -> {
                Vec beta = Vec.tabulate(k, c -> {
                    Vec z = Vec.tabulate(d, j -> x.get(i.times(d).plus(j)).subtract(mu.get(c.times(d).plus(j))));
                    Real norm = Loops.fori(0, d, 0.0, (r, s) -> {
                        Real row = Loops.fori(0, d, diagonal.get(c.times(d).plus(r)).multiply(z.get(r)),
                                (j, t) -> t.add(l.get(c.times(dd).plus(r.times(d)).plus(j)).multiply(z.get(j))));
                        return s.add(row.square());
                    });
                    return alpha.get(c).add(sumQ.get(c)).subtract(norm.multiply(0.5));
                });
                return total.add(beta.logSumExp());
            });
            Real frobenius = diagonal.squaredNorm().add(l.squaredNorm());
            Real prior = frobenius.multiply(halfGammaSquared).subtract(sumQ.sum().multiply(p.m()));
            return likelihood.subtract(alpha.logSumExp().multiply(n)).add(constant).subtract(prior).add(k * wishartConstant);
        };
    }

    /** The program's parameters (α, μ, q, dense L) for a problem. */
    static double[] programParameters(Problem p) {
        int d = p.d(), k = p.k();
        double[] v = new double[p.lOffset() + k * d * d];
        System.arraycopy(p.parameters(), 0, v, 0, p.lOffset());
        for (int c = 0; c < k; c++) {
            int li = p.lOffset() + c * p.triangle();
            for (int j = 0; j < d; j++) {
                for (int r = j + 1; r < d; r++) {
                    v[p.lOffset() + c * d * d + r * d + j] = p.parameters()[li++];
                }
            }
        }
        return v;
    }

    /** The gradient over (α, μ, q, packed l) from the program's gradient over (α, μ, q, dense L). */
    static double[] packedGradient(Problem p, double[] g) {
        int d = p.d(), k = p.k();
        double[] out = new double[p.parameters().length];
        System.arraycopy(g, 0, out, 0, p.lOffset());
        int li = p.lOffset();
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                for (int r = j + 1; r < d; r++) {
                    out[li++] = g[p.lOffset() + c * d * d + r * d + j];
                }
            }
        }
        return out;
    }

    /** log Γ_D(a) = D(D−1)/4 · log π + Σⱼ₌₁..D log Γ(a + (1 − j)/2). */
    static double logMultivariateGamma(double a, int dimension) {
        double sum = 0.25 * dimension * (dimension - 1) * Math.log(Math.PI);
        for (int j = 1; j <= dimension; j++) {
            sum += logGamma(a + 0.5 * (1 - j));
        }
        return sum;
    }

    /** log Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, relative error below 1e-14). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        double z = x - 1;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    static Problem problem(JsonNode input) {
        int d = Inputs.integer(input, "d");
        int k = Inputs.integer(input, "k");
        int n = Inputs.integer(input, "n");
        Inputs.require(d >= 1 && k >= 1 && n >= 1, "d, k and n must be positive");
        double[][] x = Inputs.matrix(input, "x", d);
        Inputs.require(x.length == n, "'x' must have n = " + n + " rows");
        double[] alpha = Inputs.vector(input, "alpha");
        Inputs.require(alpha.length == k, "'alpha' must have k = " + k + " entries");
        double[][] mu = Inputs.matrix(input, "mu", d);
        double[][] q = Inputs.matrix(input, "q", d);
        double[][] l = Inputs.matrix(input, "l", d * (d - 1) / 2);
        Inputs.require(mu.length == k && q.length == k && l.length == k, "'mu', 'q' and 'l' must have k rows");
        double[] parameters = new double[k + 2 * k * d + k * d * (d - 1) / 2];
        System.arraycopy(alpha, 0, parameters, 0, k);
        System.arraycopy(Inputs.flatten(mu), 0, parameters, k, k * d);
        System.arraycopy(Inputs.flatten(q), 0, parameters, k + k * d, k * d);
        System.arraycopy(Inputs.flatten(l), 0, parameters, k + 2 * k * d, k * d * (d - 1) / 2);
        return new Problem(d, k, n, x, Inputs.integer(input, "m"), Inputs.number(input, "gamma"), parameters);
    }

    /** The gradient in the eval's shape: {@code {alpha, mu, q, l}}. */
    static Map<String, Object> independent(Problem p, double[] g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alpha", Arrays.copyOfRange(g, 0, p.k()));
        out.put("mu", Inputs.unflatten(g, p.muOffset(), p.k(), p.d()));
        out.put("q", Inputs.unflatten(g, p.qOffset(), p.k(), p.d()));
        out.put("l", Inputs.unflatten(g, p.lOffset(), p.k(), p.triangle()));
        return out;
    }

    @Override
    public String module() {
        return "gmm";
    }

    @Override
    public Computation prepare(String function, JsonNode input) {
        Problem p = problem(input);
        if (engine == Engine.PROGRAM) {
            VecFunction f = program(p);
            double[] v = programParameters(p);
            return switch (function) {
                case "objective" -> Scalar.value(f, v);
                case "jacobian" -> Scalar.gradient(f, v, g -> independent(p, packedGradient(p, g)));
                default -> throw new InputException("unknown function '" + function + "' (expected objective or jacobian)");
            };
        }
        RealFunction f = objective(p);
        return switch (function) {
            case "objective" -> Scalar.value(f, p.parameters());
            case "jacobian" -> Scalar.gradient(f, p.parameters(), g -> independent(p, g));
            default -> throw new InputException("unknown function '" + function + "' (expected objective or jacobian)");
        };
    }
}
