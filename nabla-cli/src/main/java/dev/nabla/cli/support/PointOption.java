package dev.nabla.cli.support;

import java.util.List;
import picocli.CommandLine.Option;

/** Mixin for {@code --at x=0.7,y=1.2} or {@code --at 0.7,1.2}; see {@link Points#point}. */
public final class PointOption {

    @Option(names = "--at", paramLabel = "POINT",
            description = "The point: x=0.7,y=1.2 or values in variable order, 0.7,1.2 (constants such as pi/4 allowed).")
    private String at;

    /** The point for a field with these variables; a field of no variables needs no {@code --at}. */
    public double[] point(List<String> variables) {
        return Points.point(at, variables);
    }

    /** The {@code --at} text as typed, or null. */
    public String text() {
        return at;
    }

    /** True when {@code --at} was given. */
    public boolean isGiven() {
        return at != null;
    }
}
