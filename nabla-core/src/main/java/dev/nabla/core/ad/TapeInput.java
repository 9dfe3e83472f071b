package dev.nabla.core.ad;

/**
 * The handle on input i of a {@link Tape}'s pass (node i): its value is x_i of the point the pass started
 * with. A tape creates these handles once per dimension and reuses them in every pass.
 */
final class TapeInput extends TapeNum {

    TapeInput(Tape tape, int index) {
        super(tape, index);
    }

    @Override
    public double value() {
        return tape.point[index];
    }
}
