package dev.nabla.symbolic;

/**
 * Limits that keep hostile input from exhausting the process: the input length in characters, the nesting
 * depth (parentheses, function calls, unary signs and roots, {@code not}, right-associative powers), and the
 * number of tokens. Any depth is safe for the parser itself, which does not recurse; the depth bounds the
 * height of the expressions handed to the passes that follow.
 *
 * @param maxLength longest accepted input, in characters
 * @param maxDepth  deepest accepted nesting
 * @param maxNodes  most tokens (numbers, names, operators) in one input
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
