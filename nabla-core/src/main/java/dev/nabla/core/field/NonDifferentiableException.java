package dev.nabla.core.field;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a derivative is asked for at a point where the field is (possibly) not differentiable. */
public class NonDifferentiableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The point. */
    private final double[] point;
    /** The kinks met there. */
    private final List<Kink> kinks;

    /**
     * The field is (possibly) not differentiable at the point because of these kinks.
     *
     * @param point the point
     * @param kinks the kinks met there
     */
    public NonDifferentiableException(double[] point, List<Kink> kinks) {
        super("not differentiable at " + Arrays.toString(point) + ": kink of "
                + kinks.stream().map(Kink::where).distinct().collect(Collectors.joining(", ")));
        this.point = point.clone();
        this.kinks = List.copyOf(kinks);
    }

    /**
     * The point.
     *
     * @return a copy of the point
     */
    public double[] point() {
        return point.clone();
    }

    /**
     * The kinks met at the point.
     *
     * @return the kinks, unmodifiable
     */
    public List<Kink> kinks() {
        return kinks;
    }
}
