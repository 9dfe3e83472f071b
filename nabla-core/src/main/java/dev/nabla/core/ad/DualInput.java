package dev.nabla.core.ad;

/**
 * The handle on input i of a forward pass: value x_i and tangent v_i of the point and direction the pass
 * started with. A {@link DualContext} creates these handles once per dimension and reuses them in every pass.
 */
final class DualInput extends DualNum {
    private final DualContext pass;
    private final int index;

    DualInput(DualContext pass, int index) {
        super(pass);
        this.pass = pass;
        this.index = index;
    }

    @Override
    public double value() {
        return pass.point[index];
    }

    @Override
    double tangent() {
        return pass.direction[index];
    }

    @Override
    public String toString() {
        return value() + " + " + tangent() + "ε (input " + index + ")";
    }
}
