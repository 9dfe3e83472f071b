package dev.nabla.symbolic.parse;

import dev.nabla.symbolic.ParseException;

/**
 * Splits the input into tokens up front (numbers, identifiers, operators), refusing unknown characters,
 * malformed numbers, numbers glued to names ({@code 2x}) and more than {@code maxTokens} tokens.
 */
final class Lexer {
    static final int NUMBER = 0;
    static final int IDENT = 1;
    static final int OPERATOR = 2;
    static final int END = 3;

    private final String source;
    private int count;
    private int[] kinds = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private double[] numbers = new double[16];
    private int index;

    Lexer(String source, int maxTokens) {
        this.source = source;
        int i = 0;
        int n = source.length();
        while (true) {
            while (i < n && Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            if (count >= maxTokens) {
                throw new ParseException(source, i, "a smaller formula",
                        "too many tokens (limit " + maxTokens + ")");
            }
            if (i >= n) {
                add(END, i, i, 0);
                break;
            }
            char c = source.charAt(i);
            if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(source.charAt(i + 1)))) {
                i = lexNumber(i);
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(source.charAt(i)) || source.charAt(i) == '_')) {
                    i++;
                }
                add(IDENT, s, i, 0);
            } else {
                i = lexOperator(i, c);
            }
        }
    }

    private int lexNumber(int s) {
        int n = source.length();
        int i = s;
        while (i < n && Character.isDigit(source.charAt(i))) {
            i++;
        }
        if (i < n && source.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(source.charAt(i))) {
                i++;
            }
        }
        if (i < n && (source.charAt(i) == 'e' || source.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (source.charAt(j) == '+' || source.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(source.charAt(j))) {
                while (j < n && Character.isDigit(source.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        if (i < n && (Character.isLetter(source.charAt(i)) || source.charAt(i) == '_' || source.charAt(i) == '.')) {
            int e = i;
            while (e < n && (Character.isLetterOrDigit(source.charAt(e)) || source.charAt(e) == '_')) {
                e++;
            }
            if (source.charAt(i) == '.') {
                throw new ParseException(source, i, "a digit or an operator", "malformed number");
            }
            throw new ParseException(source, i, "an operator", "implicit multiplication is not supported: write "
                    + source.substring(s, i) + "*" + source.substring(i, e));
        }
        double v = Double.parseDouble(source.substring(s, i));
        if (Double.isInfinite(v)) {
            throw new ParseException(source, s, "a finite number", "number too large");
        }
        add(NUMBER, s, i, v);
        return i;
    }

    private int lexOperator(int i, char c) {
        String two = i + 1 < source.length() ? source.substring(i, i + 2) : "";
        switch (two) {
            case "<=": case ">=": case "==": case "!=":
                add(OPERATOR, i, i + 2, 0);
                return i + 2;
            case "**":
                throw new ParseException(source, i, "an operator", "'**' is not supported: write ^ for powers");
            case "&&": case "||":
                throw new ParseException(source, i, "an operator", "write " + (c == '&' ? "and" : "or")
                        + " instead of " + two);
            default:
                break;
        }
        if ("+-*/^(),<>".indexOf(c) >= 0) {
            add(OPERATOR, i, i + 1, 0);
            return i + 1;
        }
        if (c == '=') {
            throw new ParseException(source, i, "'=='", "a single '=' is not a comparison: write ==");
        }
        if (c == '!') {
            throw new ParseException(source, i, "'!='", "write not(…) or != ('!' alone is not an operator)");
        }
        String shown = Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
        throw new ParseException(source, i, "an expression", "unexpected character " + shown);
    }

    private void add(int kind, int start, int end, double number) {
        if (count == kinds.length) {
            int m = count * 2;
            kinds = java.util.Arrays.copyOf(kinds, m);
            starts = java.util.Arrays.copyOf(starts, m);
            ends = java.util.Arrays.copyOf(ends, m);
            numbers = java.util.Arrays.copyOf(numbers, m);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = end;
        numbers[count] = number;
        count++;
    }

    void next() {
        if (index < count - 1) {
            index++;
        }
    }

    int kind() {
        return kinds[index];
    }

    int start() {
        return starts[index];
    }

    int start(int token) {
        return starts[token];
    }

    /** End of the token at offset (relative to the current one). */
    int end(int offset) {
        return ends[Math.max(0, index + offset)];
    }

    String text() {
        return source.substring(starts[index], ends[index]);
    }

    double number() {
        return numbers[index];
    }

    String describe() {
        if (kinds[index] == END) {
            return "end of input";
        }
        String t = text();
        return "'" + (t.length() > 20 ? t.substring(0, 20) + "…" : t) + "'";
    }
}
