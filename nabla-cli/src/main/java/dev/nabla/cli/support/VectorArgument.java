package dev.nabla.cli.support;

import java.util.List;

/**
 * A vector typed on the command line, such as {@code --dir 1,-2}. Declare the option as
 * {@code @Option(names = "--dir", converter = VectorConverter.class) VectorArgument direction} (picocli would
 * treat a {@code double[]} field as a repeated option), then check its length with {@link #components(List, String)}.
 */
public record VectorArgument(String text, double[] values) {

    public VectorArgument {
        values = values.clone();
    }

    /** Parses {@code 1,-2} (numbers or constants such as {@code sqrt(2)}); see {@link Points#vector}. */
    public static VectorArgument parse(String text) {
        return new VectorArgument(text, Points.vector(text, "the vector"));
    }

    /**
     * The components, checked to be one per variable.
     *
     * @throws UsageException naming the option, the lengths and the variables
     */
    public double[] components(List<String> variables, String option) {
        return Points.requireLength(values.clone(), variables, option);
    }
}
