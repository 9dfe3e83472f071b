package dev.nabla.spark;

/**
 * The rows of one pass whose loss ℓ(θ; row) met a kink at θ (abs at 0, max at a tie, …): there ∇_θ ℓ is the
 * one-sided convention, not a gradient, so the summed ∇f may not be one either.
 *
 * @param rows     how many rows met a kink
 * @param firstRow the first of them (1-based, in the order read), or 0 when none did
 * @param first    what it met there (e.g. {@code "max(0, 1 - y*(w*x + b))"}), or null when none did
 */
public record RowKinks(long rows, long firstRow, String first) {

    /** No row met a kink. */
    public static final RowKinks NONE = new RowKinks(0, 0, null);

    /**
     * True when no row met a kink.
     *
     * @return true when rows = 0
     */
    public boolean isEmpty() {
        return rows == 0;
    }

    /** E.g. "3 rows met a kink (first: row 17, max(0, 1 - y*(w*x + b)))"; "no row met a kink". */
    @Override
    public String toString() {
        return rows == 0 ? "no row met a kink" : rows + (rows == 1 ? " row" : " rows") + " met a kink (first: row "
                + firstRow + ", " + first + ")";
    }
}
