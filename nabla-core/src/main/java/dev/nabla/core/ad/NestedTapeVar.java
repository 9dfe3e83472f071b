package dev.nabla.core.ad;

/** A handle on a node of a {@link NestedTape}: the tape, the node's index and its value (an enclosing-context number). */
final class NestedTapeVar extends RealNum {
    final NestedTape tape;
    final int index;
    final Real v;

    NestedTapeVar(NestedTape tape, int index, Real v) {
        this.tape = tape;
        this.index = index;
        this.v = v;
    }

    @Override
    Real base() {
        return v;
    }

    @Override
    long tag() {
        return tape.tag;
    }

    @Override
    boolean sameContext(Num b) {
        return b instanceof NestedTapeVar t && t.tape == tape;
    }

    @Override
    Real lift(Real lower) {
        return tape.variable(lower);
    }

    @Override
    void kink(String primitive, String where) {
        tape.kink(primitive, where);
    }

    @Override
    public Real constant(double c) {
        return tape.variable(v.constant(c));
    }

    @Override
    Real unary(Real value, Real d) {
        return tape.push(value, index, d);
    }

    @Override
    Real binary(Num b, Real value, Real da, Real db) {
        return tape.push(value, index, da, ((NestedTapeVar) b).index, db);
    }

    @Override
    public String toString() {
        return v + " (nested tape node " + index + ")";
    }
}
