package dev.nabla.core.ad;

import dev.nabla.core.field.DifferentiableScalarField;
import dev.nabla.core.field.DifferentiableVectorField;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.NonDifferentiableException;
import java.util.List;

/**
 * Automatic differentiation of functions written once against {@link Real}: the value, the gradient by
 * reverse mode, directional derivatives by forward mode, Jacobian products, Hessian-vector products by
 * forward-over-reverse, and nested derivatives.
 *
 * <p>Thread-safety: every entry point is safe to call from several threads at once. Reverse passes use a tape
 * confined to the calling thread (a stack of tapes, one per nesting level, reused across calls); forward
 * passes allocate their context per call. A {@link ReverseGradient} from {@link #gradientOf} owns its tape and
 * must stay on one thread.
 *
 * <p>Kinks: non-smooth primitives evaluated at their switching point follow the one-sided convention of
 * {@link Real} and are recorded; {@link #valueAndGrad} returns them, the fields of {@link #field} report them.
 */
public final class AD {
    private AD() {
    }

    /** f(x) with plain doubles. */
    public static double value(RealFunction f, double[] x) {
        WindowKernel.Bound k = WindowSum.kernelOf(f, x.length);
        if (k != null) {
            return k.value(x, new Context());
        }
        Real[] xs = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = new Plain(x[i]);
        }
        return f.apply(xs).value();
    }

    /** ∇f(x) by reverse mode: one recorded forward pass and one backward sweep. */
    public static double[] grad(RealFunction f, double[] x) {
        double[] g = new double[x.length];
        Passes passes = Passes.current();
        Tape tape = passes.acquireTape();
        try {
            valueAndGradient(tape, f, x, g);
        } finally {
            passes.releaseTape();
        }
        return g;
    }

    /** f(x) and ∇f(x) by reverse mode, with the kinks met (the gradient then follows the kink convention). */
    public static Gradient valueAndGrad(RealFunction f, double[] x) {
        double[] g = new double[x.length];
        Passes passes = Passes.current();
        Tape tape = passes.acquireTape();
        try {
            double v = valueAndGradient(tape, f, x, g);
            return new Gradient(x, v, g, tape.kinks());
        } finally {
            passes.releaseTape();
        }
    }

    /** Throws a {@link DomainException} naming the first coordinate of x that is infinite or NaN. */
    public static void requireFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new DomainException("x" + (i + 1), "coordinate " + (i + 1) + " of the point is "
                        + x[i] + " (derivatives need a finite point)", x);
            }
        }
    }

    /** One reverse pass on the tape, which the caller has acquired: f(x), with ∇f(x) written into g. */
    static double valueAndGradient(Tape tape, RealFunction f, double[] x, double[] g) {
        WindowKernel.Bound k = g != x ? WindowSum.kernelOf(f, x.length) : null;
        if (k != null) {
            tape.restart(); // no pass: the tape only collects the kinks
            return k.gradient(x, null, null, g, 0, tape);
        }
        requireFinite(x);
        Real y = f.apply(tape.begin(x, g));
        tape.gradient(y, g);
        double value = y.value();
        tape.checkFinite(value, x);
        for (double c : g) {
            tape.checkFinite(c, x);
        }
        return value;
    }

    /**
     * The exact one-sided directional derivative D_v f(x) = lim_{t→0⁺} (f(x + t v) − f(x)) / t, at kinks too
     * (abs, max, min, sqrt, hypot, sign): a number, ±∞, or "does not exist" with the reason. See
     * {@link dev.nabla.core.onesided.OneSided}.
     */
    public static dev.nabla.core.onesided.DirectionalDerivative directionalDerivative(RealFunction f, double[] x,
                                                                                       double[] v) {
        return dev.nabla.core.onesided.OneSided.directionalDerivative(f, x, v);
    }

    /**
     * Whether f is differentiable at x, decided from exact one-sided directional derivatives (±e_i, 8 seeded
     * random directions, sums of pairs): a negative verdict is a proof naming its directions; the gradient
     * (D_{e_i} f) when differentiable. The user-facing answer; {@link #valueAndGrad} stays the fast conventional
     * mode for optimisers, with the kinks it met recorded. See {@link dev.nabla.core.check.ExactDifferentiability}.
     */
    public static dev.nabla.core.check.ExactDifferentiability differentiability(RealFunction f, double[] x) {
        double fx = value(f, x);
        if (Double.isNaN(fx)) {
            throw new dev.nabla.core.field.DomainException("f", "f(x) is NaN (f is undefined at the point)", x);
        }
        return dev.nabla.core.check.ExactDifferentiability.test(f, x, fx, 8, 0);
    }

    /** D_v f(x) = ∇f(x)·v by forward mode: one pass with dual numbers, no gradient formed. */
    public static double jvp(RealFunction f, double[] x, double[] v) {
        WindowKernel.Bound k = WindowSum.kernelOf(f, x.length);
        if (k != null) {
            requireLength("v", v, x.length);
            return k.directional(x, v, new Context());
        }
        Passes passes = Passes.current();
        DualContext ctx = passes.acquireForward();
        try {
            requireFinite(x);
            Real y = f.apply(ctx.begin(x, v));
            double d = DualNum.tangentOf(y, ctx);
            ctx.checkFinite(y.value(), x);
            ctx.checkFinite(d, x);
            return d;
        } finally {
            passes.releaseForward();
        }
    }

    /** D_{v_k} f(x) for every direction v_k, in one forward pass carrying k tangents. */
    public static double[] jvp(RealFunction f, double[] x, double[][] directions) {
        WindowKernel.Bound k = WindowSum.kernelOf(f, x.length);
        if (k != null) { // one tangent-only pass of the kernel per direction
            double[] d = new double[directions.length];
            for (int i = 0; i < d.length; i++) {
                requireLength("directions[" + i + "]", directions[i], x.length);
                d[i] = k.directional(x, directions[i], new Context());
            }
            return d;
        }
        Context ctx = new Context();
        return multiTangents(f.apply(multiDuals(x, directions, ctx)), directions.length, ctx);
    }

    /**
     * J_u(x) v by forward mode (one pass). Named apart from {@link #jvp(RealFunction, double[], double[])} so
     * that an inline lambda needs no type.
     */
    public static double[] vectorJvp(RealVectorFunction u, double[] x, double[] v) {
        Passes passes = Passes.current();
        DualContext ctx = passes.acquireForward();
        try {
            Real[] y = u.apply(ctx.begin(x, v));
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                r[i] = DualNum.tangentOf(y[i], ctx);
            }
            return r;
        } finally {
            passes.releaseForward();
        }
    }

    /** J_u(x)ᵀ w by reverse mode (one recorded pass, one sweep). */
    public static double[] vjp(RealVectorFunction u, double[] x, double[] w) {
        Passes passes = Passes.current();
        Tape tape = passes.acquireTape();
        try {
            Real[] y = u.apply(tape.begin(x));
            requireLength("w", w, y.length);
            for (int i = 0; i < y.length; i++) {
                tape.seed(y[i], w[i]);
            }
            tape.sweep();
            double[] g = new double[x.length];
            tape.takeInputAdjoints(g);
            return g;
        } finally {
            passes.releaseTape();
        }
    }

    /**
     * J_u(x), m × n with row i = ∇u_i, from one recorded pass: when n ≤ m by forward sweeps over the tape
     * (the n unit tangents propagated through the recorded partials, several at a time), otherwise by m reverse
     * sweeps. m is learnt from the recording itself.
     */
    public static double[][] jacobian(RealVectorFunction u, double[] x) {
        return jacobian(u, x, 0, Tape.TANGENT_BUDGET);
    }

    /** J_u(x) by forward sweeps over the tape whatever the shape, at most {@code budget} tangent entries at a time. */
    static double[][] forwardJacobian(RealVectorFunction u, double[] x, int budget) {
        return jacobian(u, x, 1, budget);
    }

    /** J_u(x) by reverse sweeps whatever the shape. */
    static double[][] reverseJacobian(RealVectorFunction u, double[] x) {
        return jacobian(u, x, -1, Tape.TANGENT_BUDGET);
    }

    /** mode &gt; 0 forward, &lt; 0 reverse, 0 chosen by shape (forward when n ≤ m). */
    private static double[][] jacobian(RealVectorFunction u, double[] x, int mode, int budget) {
        int n = x.length;
        Passes passes = Passes.current();
        Tape tape = passes.acquireTape();
        try {
            Real[] y = u.apply(tape.begin(x));
            int m = y.length;
            double[][] jac = new double[m][n];
            if (mode < 0 || mode == 0 && m < n) {
                for (int i = 0; i < m; i++) {
                    tape.seed(y[i], 1);
                    tape.sweep();
                    tape.takeInputAdjoints(jac[i]);
                }
                return jac;
            }
            int block = Math.max(1, Math.min(n, budget / Math.max(1, tape.nodes)));
            for (int from = 0; from < n; from += block) {
                int count = Math.min(block, n - from);
                double[] t = tape.unitTangents(from, count);
                for (int i = 0; i < m; i++) {
                    if (y[i] instanceof TapeNum r && r.tape == tape) {
                        System.arraycopy(t, r.index * count, jac[i], from, count);
                    }
                }
            }
            return jac;
        } finally {
            passes.releaseTape();
        }
    }

    /**
     * H(x) v = ∇(∇f·v) by forward-over-reverse on the flat second-order tape: one recorded pass whose numbers
     * carry the tangent along v and whose edges store each partial and its tangent, then one reverse sweep of
     * dual adjoints.
     */
    public static double[] hvp(RealFunction f, double[] x, double[] v) {
        requireLength("v", v, x.length);
        double[] g = new double[x.length];
        double[] hv = new double[x.length];
        Passes passes = Passes.current();
        SecondOrderTape tape = passes.acquireSecondOrder();
        try {
            valueGradientAndHvp(tape, f, x, v, g, hv);
        } finally {
            passes.releaseSecondOrder();
        }
        return hv;
    }

    /**
     * The Hessian H_ij = ∂²f/∂x_i∂x_j, column j = H e_j from n Hessian-vector products, symmetrised as
     * (H + Hᵀ)/2: the same matrix as {@code field(f, n).hessian(x)}.
     */
    public static double[][] hessian(RealFunction f, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        double[] g = new double[n];
        double[] col = new double[n];
        Passes passes = Passes.current();
        SecondOrderTape tape = passes.acquireSecondOrder();
        try {
            for (int j = 0; j < n; j++) {
                valueGradientAndHvp(tape, f, x, dev.nabla.core.field.Vectors.unit(n, j), g, col);
                for (int i = 0; i < n; i++) {
                    h[i][j] = col[i];
                }
            }
        } finally {
            passes.releaseSecondOrder();
        }
        return dev.nabla.core.field.Matrices.symmetrise(h);
    }

    /** One second-order pass, begun here on the tape: returns f(x), writes ∇f(x) into g and H(x)v into hv. */
    static double valueGradientAndHvp(SecondOrderTape tape, RealFunction f, double[] x, double[] v, double[] g,
                                      double[] hv) {
        requireFinite(x);
        tape.begin();
        tape.point = x;
        int n = x.length;
        Real[] xs = new Real[n];
        for (int i = 0; i < n; i++) {
            xs[i] = tape.variable(x[i], v[i]);
        }
        Real y = f.apply(xs);
        tape.clearAdjoints();
        tape.seed(y, 1);
        tape.sweep();
        tape.inputAdjoints(g, hv);
        tape.checkFinite(y.value(), x);
        for (int i = 0; i < n; i++) {
            tape.checkFinite(g[i], x);
            tape.checkFinite(hv[i], x);
        }
        return y.value();
    }

    /**
     * ∇f(x) where x may itself carry derivatives (dual or tape numbers of an enclosing differentiation): the
     * gradient's components are numbers of the enclosing contexts, so this call can be differentiated again.
     */
    public static Real[] grad(RealFunction f, Real[] x) {
        NestedTape tape = new NestedTape();
        Real[] xs = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            xs[i] = tape.variable(Num.of(x[i]));
        }
        Real[] adj = tape.adjoints(f.apply(xs));
        Real[] g = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = adj[i] == null ? Plain.ZERO : adj[i];
        }
        return g;
    }

    /** D_v f(x) where x and v may carry derivatives of enclosing contexts; the result can be differentiated again. */
    public static Real jvp(RealFunction f, Real[] x, Real[] v) {
        if (v.length != x.length) {
            throw new IllegalArgumentException("v has dimension " + v.length + ", expected " + x.length);
        }
        Context ctx = new Context();
        Real[] xs = new Real[x.length];
        for (int i = 0; i < x.length; i++) {
            Real vi = Num.of(v[i]);
            xs[i] = new NestedDual(Num.of(x[i]), vi instanceof Plain p && p.value() == 0 ? null : vi, ctx);
        }
        return NestedDual.tangentOf(f.apply(xs), ctx);
    }

    /** f as a {@link DifferentiableScalarField} of n variables, differentiated by this engine. */
    public static DifferentiableScalarField field(RealFunction f, int n) {
        return new RealField(f, n);
    }

    /** u as a {@link DifferentiableVectorField} from R^n to R^m. */
    public static DifferentiableVectorField vectorField(RealVectorFunction u, int n, int m) {
        return new RealVectorField(u, n, m);
    }

    /** A reusable reverse-mode gradient of f: R^n → R owning its tape (one per thread, see {@link ReverseGradient}). */
    public static ReverseGradient gradientOf(RealFunction f, int n) {
        return new TapeGradient(f, n, new Tape());
    }

    /** The {@link ReverseGradient} of {@link #gradientOf}: f, n and the tape it owns. */
    record TapeGradient(RealFunction f, int n, Tape tape) implements ReverseGradient {
        @Override
        public double valueAndGradient(double[] x, double[] gradientOut) {
            requireLength("x", x, n);
            requireLength("gradientOut", gradientOut, n);
            try {
                return AD.valueAndGradient(tape, f, x, gradientOut);
            } finally {
                tape.end();
            }
        }

        @Override
        public List<Kink> lastKinks() {
            return tape.hasKinks() ? tape.kinks() : List.of();
        }
    }

    /**
     * A reusable Hessian-vector product of f: R^n → R owning its second-order tape (one per thread, see
     * {@link HessianVectorProduct}): f(x), ∇f(x) and H(x)v = ∇(∇f·v)(x) from one pass and one sweep.
     */
    public static HessianVectorProduct hessianVectorProductOf(RealFunction f, int n) {
        return new TapeHessianVectorProduct(f, n, new SecondOrderTape());
    }

    /** The {@link HessianVectorProduct} of {@link #hessianVectorProductOf}: f, n and the tape it owns. */
    record TapeHessianVectorProduct(RealFunction f, int n, SecondOrderTape tape) implements HessianVectorProduct {
        @Override
        public double valueGradientAndHvp(double[] x, double[] v, double[] gradientOut, double[] hvpOut) {
            requireLength("x", x, n);
            requireLength("v", v, n);
            requireLength("gradientOut", gradientOut, n);
            requireLength("hvpOut", hvpOut, n);
            return AD.valueGradientAndHvp(tape, f, x, v, gradientOut, hvpOut);
        }

        @Override
        public List<Kink> lastKinks() {
            return tape.hasKinks() ? tape.kinks() : List.of();
        }
    }

    // ---- helpers ----

    static Real[] multiDuals(double[] x, double[][] directions, Context ctx) {
        int n = x.length;
        int k = directions.length;
        for (double[] d : directions) {
            requireLength("direction", d, n);
        }
        Real[] xs = new Real[n];
        for (int i = 0; i < n; i++) {
            double[] t = new double[k];
            for (int j = 0; j < k; j++) {
                t[j] = directions[j][i];
            }
            xs[i] = new MultiDual(x[i], t, ctx);
        }
        return xs;
    }

    static double[] multiTangents(Real y, int k, Context ctx) {
        return y instanceof MultiDual d && d.ctx == ctx ? d.t.clone() : new double[k];
    }

    static void requireLength(String what, double[] a, int n) {
        if (a.length != n) {
            throw new IllegalArgumentException(what + " has dimension " + a.length + ", expected " + n);
        }
    }

    /** A Java function as a scalar field: value by plain doubles, gradient by reverse mode, D_v f by forward mode. */
    private record RealField(RealFunction f, int n) implements DifferentiableScalarField {
        @Override
        public double value(double[] x) {
            requireLength("x", x, n);
            return AD.value(f, x);
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public Gradient valueAndGradient(double[] x) {
            requireLength("x", x, n);
            return valueAndGrad(f, x);
        }

        @Override
        public double directionalDerivative(double[] x, double[] v) {
            requireLength("x", x, n);
            Passes passes = Passes.current();
            DualContext ctx = passes.acquireForward();
            try {
                double d = DualNum.tangentOf(f.apply(ctx.begin(x, v)), ctx);
                if (ctx.hasKinks()) {
                    throw new NonDifferentiableException(x, ctx.kinks());
                }
                return d;
            } finally {
                passes.releaseForward();
            }
        }

        @Override
        public double[] hessianVectorProduct(double[] x, double[] v) {
            requireLength("x", x, n);
            return hvp(f, x, v);
        }
    }

    private record RealVectorField(RealVectorFunction u, int n, int m) implements DifferentiableVectorField {
        @Override
        public double[] value(double[] x) {
            requireLength("x", x, n);
            Real[] xs = new Real[n];
            for (int i = 0; i < n; i++) {
                xs[i] = new Plain(x[i]);
            }
            Real[] y = u.apply(xs);
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                r[i] = y[i].value();
            }
            return r;
        }

        @Override
        public int inputDimension() {
            return n;
        }

        @Override
        public int outputDimension() {
            return m;
        }

        @Override
        public double[] jacobianVectorProduct(double[] x, double[] v) {
            requireLength("x", x, n);
            return vectorJvp(u, x, v);
        }

        @Override
        public double[] vectorJacobianProduct(double[] x, double[] w) {
            requireLength("x", x, n);
            return vjp(u, x, w);
        }

        @Override
        public double[][] jacobian(double[] x) {
            requireLength("x", x, n);
            return AD.jacobian(u, x);
        }
    }
}
