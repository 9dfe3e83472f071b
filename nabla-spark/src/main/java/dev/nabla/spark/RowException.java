package dev.nabla.spark;

import dev.nabla.core.field.DomainException;
import java.util.List;

/**
 * The loss is undefined, NaN or infinite on a row at the given parameters: names the row (1-based, in the
 * order Spark read the data), its values and the parameters. A {@link DomainException}, so a line search
 * backs off from such a trial point, while at the starting point the run stops with this message.
 */
public class RowException extends DomainException {
    private static final long serialVersionUID = 1L;
    /** The row (1-based). */
    private final long row;
    /** The message, naming the row, its values and the parameters. */
    private final String message;

    /**
     * @param row        the 1-based row number
     * @param columns    the columns' names
     * @param record     the row's values
     * @param parameters the parameters' names
     * @param theta      the parameters' values
     * @param reason     what went wrong, e.g. "the loss is NaN"
     */
    public RowException(long row, List<String> columns, double[] record, List<String> parameters, double[] theta,
                        String reason) {
        super("the loss at row " + row, reason, theta);
        this.row = row;
        this.message = "row " + row + " " + named(columns, record) + ": " + reason + ", at parameters "
                + named(parameters, theta);
    }

    /**
     * The 1-based row number.
     *
     * @return the row, 1-based
     */
    public long row() {
        return row;
    }

    @Override
    public String getMessage() {
        return message;
    }

    static String named(List<String> names, double[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(values[i]);
        }
        return sb.append(')').toString();
    }
}
