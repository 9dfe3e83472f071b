package dev.nabla.symbolic;

/**
 * A formula that cannot be read: where (0-based {@link #position()}, shown as a 1-based column), what was
 * expected, and a caret under the place. The message is
 * <pre>
 * expected ')' but found end of input at column 8
 * sin(x^2
 *        ^
 * </pre>
 * Very long inputs are shown as a window of about 70 characters around the position. The caret stands under
 * the problem on a terminal: combining marks take no column, East Asian wide characters (Hangul, CJK,
 * fullwidth forms) two, and invisible characters (controls, bidirectional overrides) are shown as spaces.
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
        this.shownSource = shown(source, window(source, position));
        this.caretLine = caret(source, position);
    }

    private static int window(String source, int position) {
        if (source.length() <= WINDOW) {
            return 0;
        }
        int from = Math.max(0, Math.min(position - WINDOW / 2, source.length() - WINDOW));
        return from > 0 && Character.isLowSurrogate(source.charAt(from)) ? from - 1 : from;
    }

    /**
     * The source (or a window of it) as one line that displays as many columns as it has characters before
     * the position: controls, format characters (bidirectional overrides, zero-width spaces), line
     * separators and lone surrogates are shown as a space.
     */
    private static String shown(String source, int from) {
        int to = source.length() <= WINDOW ? source.length() : Math.min(source.length(), from + WINDOW);
        if (to < source.length() && to > from && Character.isHighSurrogate(source.charAt(to - 1))) {
            to--;
        }
        StringBuilder b = new StringBuilder(from > 0 ? "…" : "");
        for (int i = from; i < to; ) {
            int c = source.codePointAt(i);
            int n = Character.charCount(c);
            b.append(isHidden(c) || (n == 1 && Character.isSurrogate((char) c)) ? " " : source.substring(i, i + n));
            i += n;
        }
        return b.append(to < source.length() ? "…" : "").toString();
    }

    private static boolean isHidden(int c) {
        int t = Character.getType(c);
        return Character.isISOControl(c) || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR;
    }

    /** Spaces as wide on a terminal as the shown text before the position, then a caret. */
    private static String caret(String source, int position) {
        int from = window(source, position);
        int columns = from > 0 ? 1 : 0;
        for (int i = from; i < Math.min(position, source.length()); ) {
            int c = source.codePointAt(i);
            columns += width(c);
            i += Character.charCount(c);
        }
        return " ".repeat(columns) + "^";
    }

    /** Terminal columns of a shown code point: 0 for combining marks, 2 for East Asian wide characters. */
    private static int width(int c) {
        int t = Character.getType(c);
        if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK) {
            return 0;
        }
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF)
                || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }

    private static String message(String source, int position, String problem) {
        return problem + " at column " + (position + 1) + "\n" + shown(source, window(source, position)) + "\n"
                + caret(source, position);
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

    /** Spaces and a caret under the problem in {@link #sourceLine()}, as displayed on a terminal. */
    public String caretLine() {
        return caretLine;
    }
}
