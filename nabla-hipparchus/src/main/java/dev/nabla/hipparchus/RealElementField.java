package dev.nabla.hipparchus;

import org.hipparchus.Field;

/**
 * The field of {@link RealElement}s of one differentiation context: its zero and one are constants of that
 * context, so Hipparchus code that starts sums from {@code getZero()} stays on the same tape.
 */
final class RealElementField implements Field<RealElement> {

    private final RealElement anchor;

    RealElementField(RealElement anchor) {
        this.anchor = anchor;
    }

    @Override
    public RealElement getZero() {
        return anchor.newInstance(0);
    }

    @Override
    public RealElement getOne() {
        return anchor.newInstance(1);
    }

    @Override
    public Class<RealElement> getRuntimeClass() {
        return RealElement.class;
    }

    /** All fields of {@code RealElement}s are one field to Hipparchus (its arrays and checks compare fields). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RealElementField;
    }

    @Override
    public int hashCode() {
        return RealElementField.class.hashCode();
    }
}
