package dev.nabla.core.ir;

import dev.nabla.core.ad.Real;
import dev.nabla.core.ad.Reals;
import dev.nabla.core.prim.Primitive;

/**
 * An index into a {@link Vec}: a plain int when the code runs eagerly, an affine combination of loop counters
 * when it is traced (so that x[i + 1] in a loop body is recorded once for every i). Immutable.
 */
public final class Index {
    final ProgramBuilder b;
    final Affine affine;

    private Index(ProgramBuilder b, Affine affine) {
        this.b = b;
        this.affine = affine;
    }

    static Index of(ProgramBuilder b, int i) {
        return new Index(b, Affine.constant(i));
    }

    static Index counter(ProgramBuilder b, int counter) {
        return new Index(b, Affine.counter(counter));
    }

    /** this + k. */
    public Index plus(int k) {
        return new Index(b, affine.plus(k));
    }

    /** this + j. */
    public Index plus(Index j) {
        return new Index(b, affine.plus(j.affine));
    }

    /** this · c. */
    public Index times(int c) {
        return new Index(b, affine.times(c));
    }

    /** The index as an int; only when it is not a traced loop counter. */
    public int intValue() {
        if (!affine.isConstant()) {
            throw new UntraceableException("the index of a traced loop has no int value: index vectors with it "
                    + "(x.get(i)) or use asReal()");
        }
        return affine.offset();
    }

    /** The index as a number (a constant of the pass when eager, a traced value when traced). */
    public Real asReal() {
        if (b == null) {
            return Reals.of(affine.offset())[0];
        }
        int v = b.constant(affine.offset());
        for (int k = 0; k < affine.counters().length; k++) {
            int term = b.apply(Primitive.MULTIPLY, b.counter(affine.counters()[k]), b.constant(affine.coefs()[k]));
            v = b.apply(Primitive.ADD, v, term);
        }
        return new Traced(b, v);
    }

    @Override
    public String toString() {
        return affine.toString();
    }
}
