package dev.nabla.symbolic;

/**
 * Limits that keep hostile input from exhausting the process: the input length in characters, the nesting
 * depth (parentheses, function calls, unary signs and right-associative powers), and the number of
 * syntax nodes built.
 *
 * @param maxLength longest accepted input, in characters
 * @param maxDepth  deepest accepted nesting
 * @param maxNodes  most syntax nodes (numbers, names, operators, calls) in one input
 */
public record ParseLimits(int maxLength, int maxDepth, int maxNodes) {
    /** 100 000 characters, depth 200, 100 000 nodes. */
    public static final ParseLimits DEFAULT = new ParseLimits(100_000, 200, 100_000);

    public ParseLimits {
        if (maxLength < 1 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("parse limits must be positive");
        }
    }
}
