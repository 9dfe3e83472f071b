package dev.nabla.core.ad;

/**
 * A number recorded on a {@link Tape}: the tape and the node's index. Two kinds: {@link TapeVar}, the result
 * of an operation (its value stored in the handle), and {@link TapeInput}, an input of the pass (its value
 * read from the point the pass was started with, so that input handles are created once and reused).
 */
abstract class TapeNum extends DoubleNum {
    final Tape tape;
    final int index;

    TapeNum(Tape tape, int index) {
        this.tape = tape;
        this.index = index;
    }

    @Override
    long tag() {
        return tape.tag;
    }

    @Override
    boolean sameContext(Num b) {
        return b instanceof TapeNum t && t.tape == tape;
    }

    @Override
    Real lift(Real lower) {
        return tape.variable(lower.value());
    }

    @Override
    Context context() {
        return tape;
    }

    @Override
    public Real constant(double c) {
        return tape.variable(c);
    }

    @Override
    Real unary(double value, double d) {
        return tape.push(value, index, d);
    }

    @Override
    Real binary(Num b, double value, double da, double db) {
        return tape.push(value, index, da, ((TapeNum) b).index, db);
    }

    @Override
    Real linear(double value, Real[] x, double[] c, int n) {
        return tape.pushLinear(value, x, c, n);
    }

    @Override
    Real windowSumOf(Real[] x, int width, int stride, Reals.WindowTerm term) {
        Real r = tape.windowSum(x, width, stride, term);
        if (r != null) {
            return r;
        }
        Num leader = Num.leader(x);
        return leader == this || sameContext(leader) ? super.windowSumOf(x, width, stride, term)
                : leader.windowSumOf(x, width, stride, term);
    }

    // ---- array primitives on the pass's inputs: read x flat, write the partials straight into the tape ----

    @Override
    Real sumOf(Real[] x) {
        double[] v = tape.inputs.claim(x, tape.point);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.sumOf(x) : Num.leader(x).sumOf(x);
        }
        double[] p = tape.denseTarget();
        int e0 = tape.denseOffset(p);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i];
            p[e0 + i] = 1;
        }
        return tape.pushOnInputs(s, p);
    }

    @Override
    Real dotOf(double[] a, Real[] b) {
        double[] v = tape.inputs.claim(b, tape.point);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.dotOf(a, b) : Num.leader(b).dotOf(a, b);
        }
        requireSameLength(a.length, v.length);
        double[] p = tape.denseTarget();
        int e0 = tape.denseOffset(p);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += a[i] * v[i];
            p[e0 + i] = a[i];
        }
        return tape.pushOnInputs(s, p);
    }

    @Override
    Real squaredNormOf(Real[] x) {
        double[] v = tape.inputs.claim(x, tape.point);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.squaredNormOf(x) : Num.leader(x).squaredNormOf(x);
        }
        double[] p = tape.denseTarget();
        int e0 = tape.denseOffset(p);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
            p[e0 + i] = 2 * v[i];
        }
        return tape.pushOnInputs(s, p);
    }

    /** lse = m + log Σ exp(x_i − m) as one node with partials softmax_i. */
    @Override
    Real logSumExpOf(Real[] x) {
        double[] v = tape.inputs.claim(x, tape.point);
        if (v == null || v == InputHandles.CHANGED) {
            return v == null ? super.logSumExpOf(x) : Num.leader(x).logSumExpOf(x);
        }
        double m = shift(v);
        double[] p = tape.denseTarget();
        int e0 = tape.denseOffset(p);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double e = Math.exp(v[i] - m);
            p[e0 + i] = e;
            s += e;
        }
        double inv = 1 / s;
        for (int i = 0; i < v.length; i++) {
            p[e0 + i] *= inv;
        }
        return tape.pushOnInputs(m + Math.log(s), p);
    }

    // the hot arithmetic, without the generic dispatch

    @Override
    public Real add(Real b) {
        if (b instanceof TapeNum o && o.tape == tape) {
            return tape.push(value() + o.value(), index, 1, o.index, 1);
        }
        return super.add(b);
    }

    @Override
    public Real subtract(Real b) {
        if (b instanceof TapeNum o && o.tape == tape) {
            return tape.push(value() - o.value(), index, 1, o.index, -1);
        }
        return super.subtract(b);
    }

    @Override
    public Real multiply(Real b) {
        if (b instanceof TapeNum o && o.tape == tape) {
            double a = value();
            double c = o.value();
            return tape.push(a * c, index, c, o.index, a);
        }
        return super.multiply(b);
    }

    @Override
    public Real add(double b) {
        return tape.push(value() + b, index, 1);
    }

    @Override
    public Real subtract(double b) {
        return tape.push(value() - b, index, 1);
    }

    @Override
    public Real multiply(double b) {
        return tape.push(value() * b, index, b);
    }

    @Override
    public Real square() {
        double a = value();
        return tape.push(a * a, index, 2 * a);
    }

    @Override
    public String toString() {
        return value() + " (tape node " + index + ")";
    }
}
