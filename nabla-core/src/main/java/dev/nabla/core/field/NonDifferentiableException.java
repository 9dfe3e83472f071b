package dev.nabla.core.field;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a derivative is asked for at a point where the field is (possibly) not differentiable. */
public class NonDifferentiableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final double[] point;
    private final List<Kink> kinks;

    public NonDifferentiableException(double[] point, List<Kink> kinks) {
        super("not differentiable at " + Arrays.toString(point) + ": kink of "
                + kinks.stream().map(Kink::where).distinct().collect(Collectors.joining(", ")));
        this.point = point.clone();
        this.kinks = List.copyOf(kinks);
    }

    public double[] point() {
        return point.clone();
    }

    public List<Kink> kinks() {
        return kinks;
    }
}
