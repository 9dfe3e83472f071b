package dev.nabla.core.ad;

/**
 * A dual number a + ȧ ε (ε² = 0) of one forward context: value and tangent, the directional derivative
 * carried along one direction. Two kinds: {@link Dual}, the result of an operation, and {@link DualInput}, an
 * input of the pass read from the point and direction the pass started with. A zero tangent times an
 * infinite partial counts as zero (so √ at 0 does not spoil directions that do not move its argument).
 */
abstract class DualNum extends DoubleNum {
    final Context ctx;

    DualNum(Context ctx) {
        this.ctx = ctx;
    }

    /** The tangent ȧ. */
    abstract double tangent();

    static double tangentOf(Real r, Context ctx) {
        return r instanceof DualNum d && d.ctx == ctx ? d.tangent() : 0;
    }

    @Override
    long tag() {
        return ctx.tag;
    }

    @Override
    boolean sameContext(Num b) {
        return b instanceof DualNum d && d.ctx == ctx;
    }

    @Override
    Real lift(Real lower) {
        return new Dual(lower.value(), 0, ctx);
    }

    @Override
    Context context() {
        return ctx;
    }

    @Override
    public Real constant(double c) {
        return new Dual(c, 0, ctx);
    }

    @Override
    Real unary(double value, double d) {
        double t = tangent();
        return new Dual(value, times(d, t), ctx);
    }

    @Override
    Real binary(Num b, double value, double da, double db) {
        double t = tangent();
        double tb = ((DualNum) b).tangent();
        return new Dual(value, times(da, t) + times(db, tb), ctx);
    }

    @Override
    Real linear(double value, Real[] x, double[] c, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            if (x[k] instanceof DualNum d && d.ctx == ctx) {
                double t = d.tangent();
                if (t != 0) {
                    s += c[k] * t;
                }
            }
        }
        return new Dual(value, s, ctx);
    }

    /**
     * Σ term over the windows, value and tangent summed in doubles: by the term's compiled {@link WindowKernel}
     * for long sums, else with the window entries as dual numbers of this context.
     */
    @Override
    Real windowSumOf(Real[] x, int width, int stride, Reals.WindowTerm term) {
        int n = x.length;
        double[] values;
        double[] tangents;
        InputHandles inputs = null; // set when x is the pass's inputs, read flat and checked as it is read
        if (ctx instanceof DualContext dc && dc.inputs.take(x)) {
            inputs = dc.inputs;
            values = dc.point;
            tangents = dc.direction;
        } else {
            values = new double[n];
            tangents = new double[n];
            for (int j = 0; j < n; j++) {
                Real r = x[j];
                if (r instanceof DualNum d && d.ctx == ctx) {
                    tangents[j] = d.tangent();
                } else if (!(r instanceof Plain)) {
                    return super.windowSumOf(x, width, stride, term);
                }
                values[j] = r.value();
            }
        }
        WindowKernel.Bound kernel = WindowKernel.forSum(n, width, stride, term);
        if (kernel != null) {
            // the kernel checks the entries past its first window as it reads them
            if (inputs == null || inputs.intact(x, 0, Math.min(n, width))) {
                int kinks = ctx.kinkCount();
                double[] tangentSum = new double[1];
                try {
                    double s = kernel.forward(values, tangents, x, inputs != null ? inputs.handles() : null,
                            tangentSum, ctx);
                    return new Dual(s, tangentSum[0], ctx);
                } catch (WindowKernel.ArgumentChanged e) {
                    ctx.restoreKinks(kinks);
                }
            }
            return Num.leader(x).windowSumOf(x, width, stride, term); // the function overwrote an entry of x
        }
        Windows.Tangents w = new Windows.Tangents(values, tangents, width, ctx);
        int kinksBefore = ctx.kinkCount();
        double s = 0;
        double ds = 0;
        Real rest = null; // terms of other contexts (numbers the term captured), summed generically
        int checked = 0; // entries [0, checked) of x are known to be input handles
        for (int i = 0; i + width <= n; i += stride) {
            if (inputs != null && i + width > checked) {
                checked = inputs.checkAhead(x, checked, i + width);
                if (checked < 0) { // the function overwrote an entry of its argument: start again, entry by entry
                    ctx.restoreKinks(kinksBefore);
                    return Num.leader(x).windowSumOf(x, width, stride, term);
                }
            }
            w.start = i;
            Real r = term.apply(w);
            if (r instanceof DualNum d && d.ctx == ctx) {
                s += d.value();
                ds += d.tangent();
            } else if (r instanceof Plain) {
                s += r.value();
            } else {
                rest = rest == null ? r : rest.add(r);
            }
        }
        Real sum = new Dual(s, ds, ctx);
        return rest == null ? sum : sum.add(rest);
    }

    // ---- array primitives on the pass's inputs: read x and v flat ----

    /** The point if x is this pass's intact input array, CHANGED or null as {@link InputHandles#claim} says. */
    private double[] flatInputs(Real[] x) {
        return ctx instanceof DualContext dc ? dc.inputs.claim(x, dc.point) : null;
    }

    private double[] direction() {
        return ((DualContext) ctx).direction;
    }

    @Override
    Real sumOf(Real[] x) {
        double[] v = flatInputs(x);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.sumOf(x) : Num.leader(x).sumOf(x);
        }
        double[] t = direction();
        double s = 0;
        double ds = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i];
            ds += t[i];
        }
        return new Dual(s, ds, ctx);
    }

    @Override
    Real dotOf(double[] a, Real[] b) {
        double[] v = flatInputs(b);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.dotOf(a, b) : Num.leader(b).dotOf(a, b);
        }
        requireSameLength(a.length, v.length);
        double[] t = direction();
        double s = 0;
        double ds = 0;
        for (int i = 0; i < v.length; i++) {
            s += a[i] * v[i];
            ds += a[i] * t[i];
        }
        return new Dual(s, ds, ctx);
    }

    @Override
    Real squaredNormOf(Real[] x) {
        double[] v = flatInputs(x);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.squaredNormOf(x) : Num.leader(x).squaredNormOf(x);
        }
        double[] t = direction();
        double s = 0;
        double ds = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
            ds += 2 * v[i] * t[i];
        }
        return new Dual(s, ds, ctx);
    }

    /** lse = m + log Σ exp(x_i − m); its tangent Σ softmax_i ẋ_i. */
    @Override
    Real logSumExpOf(Real[] x) {
        double[] v = flatInputs(x);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.logSumExpOf(x) : Num.leader(x).logSumExpOf(x);
        }
        double[] t = direction();
        double m = shift(v);
        double s = 0;
        double ds = 0;
        for (int i = 0; i < v.length; i++) {
            double e = Math.exp(v[i] - m);
            s += e;
            if (t[i] != 0) {
                ds += e * t[i];
            }
        }
        return new Dual(m + Math.log(s), ds / s, ctx);
    }
}
