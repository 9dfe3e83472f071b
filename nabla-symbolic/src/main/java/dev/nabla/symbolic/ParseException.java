package dev.nabla.symbolic;

/**
 * A formula that cannot be read: where (0-based {@link #position()}, shown as a 1-based column), what was
 * expected, and a caret under the place. The message is
 * <pre>
 * expected ')' but found end of input at column 8
 * sin(x^2
 *        ^
 * </pre>
 * Very long inputs are shown as a window of about 70 characters around the position.
 */
public final class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int WINDOW = 70;

    private final String source;
    private final int position;
    private final String expected;
    private final String problem;
    private final String shownSource;
    private final String caretLine;

    /**
     * @param source   the whole input
     * @param position 0-based index of the problem (may equal the length: end of input)
     * @param expected what was expected there, e.g. {@code "')'"} or {@code "an expression"}
     * @param problem  the first line of the message without the column, e.g. {@code "expected ')' but found end of input"}
     */
    public ParseException(String source, int position, String expected, String problem) {
        super(message(source, position, problem));
        this.source = source;
        this.position = position;
        this.expected = expected;
        this.problem = problem;
        int from = window(source, position);
        this.shownSource = shown(source, from);
        this.caretLine = " ".repeat(position - from + (from > 0 ? 1 : 0)) + "^";
    }

    private static int window(String source, int position) {
        return source.length() <= WINDOW ? 0 : Math.max(0, Math.min(position - WINDOW / 2, source.length() - WINDOW));
    }

    private static String shown(String source, int from) {
        if (source.length() <= WINDOW) {
            return source;
        }
        int to = Math.min(source.length(), from + WINDOW);
        return (from > 0 ? "…" : "") + source.substring(from, to) + (to < source.length() ? "…" : "");
    }

    private static String message(String source, int position, String problem) {
        int from = window(source, position);
        String caret = " ".repeat(position - from + (from > 0 ? 1 : 0)) + "^";
        return problem + " at column " + (position + 1) + "\n" + shown(source, from).replace('\n', ' ') + "\n" + caret;
    }

    /** The whole input. */
    public String source() {
        return source;
    }

    /** 0-based index into the source where the problem is. */
    public int position() {
        return position;
    }

    /** 1-based column, as in the message. */
    public int column() {
        return position + 1;
    }

    /** What was expected at the position, e.g. {@code "')'"}, {@code "an expression"}. */
    public String expected() {
        return expected;
    }

    /** The first line of the message without the column. */
    public String problem() {
        return problem;
    }

    /** The (possibly windowed) source line shown in the message. */
    public String sourceLine() {
        return shownSource;
    }

    /** Spaces and a caret under the problem in {@link #sourceLine()}. */
    public String caretLine() {
        return caretLine;
    }
}
