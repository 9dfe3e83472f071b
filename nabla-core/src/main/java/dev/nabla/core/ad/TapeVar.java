package dev.nabla.core.ad;

/** A short-lived handle on a node of a {@link Tape} recorded by an operation: the tape, the index, the value. */
final class TapeVar extends TapeNum {
    final double v;

    TapeVar(Tape tape, int index, double v) {
        super(tape, index);
        this.v = v;
    }

    @Override
    public double value() {
        return v;
    }
}
