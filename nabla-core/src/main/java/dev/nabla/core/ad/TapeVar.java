package dev.nabla.core.ad;

/** A short-lived handle on a node of a {@link Tape}: the tape, the node's index and its value. */
final class TapeVar extends DoubleNum {
    final Tape tape;
    final int index;
    final double v;

    TapeVar(Tape tape, int index, double v) {
        this.tape = tape;
        this.index = index;
        this.v = v;
    }

    @Override
    public double value() {
        return v;
    }

    @Override
    long tag() {
        return tape.tag;
    }

    @Override
    boolean sameContext(Num b) {
        return b instanceof TapeVar t && t.tape == tape;
    }

    @Override
    Real lift(Real lower) {
        return tape.variable(lower.value());
    }

    @Override
    void kink(String primitive, String where) {
        tape.kink(primitive, where);
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
        return tape.push(value, index, da, ((TapeVar) b).index, db);
    }

    @Override
    Real linear(double value, Real[] x, double[] c, int n) {
        return tape.pushLinear(value, x, c, n);
    }

    // the hot arithmetic, without the generic dispatch

    @Override
    public Real add(Real b) {
        if (b instanceof TapeVar o && o.tape == tape) {
            return tape.push(v + o.v, index, 1, o.index, 1);
        }
        return super.add(b);
    }

    @Override
    public Real subtract(Real b) {
        if (b instanceof TapeVar o && o.tape == tape) {
            return tape.push(v - o.v, index, 1, o.index, -1);
        }
        return super.subtract(b);
    }

    @Override
    public Real multiply(Real b) {
        if (b instanceof TapeVar o && o.tape == tape) {
            return tape.push(v * o.v, index, o.v, o.index, v);
        }
        return super.multiply(b);
    }

    @Override
    public Real add(double b) {
        return tape.push(v + b, index, 1);
    }

    @Override
    public Real subtract(double b) {
        return tape.push(v - b, index, 1);
    }

    @Override
    public Real multiply(double b) {
        return tape.push(v * b, index, b);
    }

    @Override
    public Real square() {
        return tape.push(v * v, index, 2 * v);
    }

    @Override
    public String toString() {
        return v + " (tape node " + index + ")";
    }
}
