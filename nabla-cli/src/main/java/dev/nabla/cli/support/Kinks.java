package dev.nabla.cli.support;

import dev.nabla.core.field.Gradient;
import dev.nabla.core.field.Kink;
import java.util.List;
import java.util.stream.Collectors;

/** How commands report a point where the derivative is only one-sided. */
public final class Kinks {
    private Kinks() {
    }

    /** The distinct places of the kinks, e.g. {@code abs(x), max(x, y)}. */
    public static String describe(List<Kink> kinks) {
        return kinks.stream().map(Kink::where).distinct().collect(Collectors.joining(", "));
    }

    /**
     * Warns on stderr when the gradient met kinks: f may not be differentiable at the point and the derivative
     * numbers are the engine's one-sided convention. Returns true when it warned.
     */
    public static boolean warn(Output output, Gradient result, List<String> variables) {
        return warn(output, result.kinks(), variables, result.point());
    }

    /** As {@link #warn(Output, Gradient, List)}, for kinks gathered from several results (a Jacobian's rows). */
    public static boolean warn(Output output, List<Kink> kinks, List<String> variables, double[] point) {
        if (kinks.isEmpty()) {
            return false;
        }
        output.warning("f may not be differentiable at " + Points.describe(variables, point)
                + " (kink of " + describe(kinks) + "); the derivatives shown are one-sided");
        return true;
    }

    /** The label after a one-sided number, {@code "   (one-sided: kink of abs(x))"}, or "" when smooth. */
    public static String label(List<Kink> kinks) {
        return kinks.isEmpty() ? "" : "   (one-sided: kink of " + describe(kinks) + ")";
    }
}
