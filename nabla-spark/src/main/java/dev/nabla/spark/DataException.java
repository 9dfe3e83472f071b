package dev.nabla.spark;

/**
 * Bad input data: a missing column, a column that is not numeric, a value that is not a finite number, no
 * rows. The message names the column and, for a value, the row number (1-based, in the order Spark reads the
 * source: for one CSV file, the data line after the header).
 */
public class DataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * A bad data set.
     *
     * @param message what is wrong, naming the column (and the row)
     */
    public DataException(String message) {
        super(message);
    }
}
