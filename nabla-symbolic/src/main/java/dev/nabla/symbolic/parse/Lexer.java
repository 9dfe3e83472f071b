package dev.nabla.symbolic.parse;

import dev.nabla.symbolic.ParseException;
import dev.nabla.symbolic.expr.Rational;
import java.util.Arrays;

/**
 * Splits the input into tokens up front (numbers, identifiers, operators, superscript exponents), refusing
 * unexpected characters, non-ASCII digits, malformed numbers, numbers glued to names ({@code 2x}) and more than
 * {@code maxTokens} tokens. The typed forms of the operators are read as their ASCII spelling: {@code · × ⋅}
 * as {@code *}, {@code ÷} as {@code /}, {@code −} as {@code -}, {@code ≤ ≥ ≠} as {@code <= >= !=},
 * {@code √ ∛} as {@code sqrt}/{@code cbrt}, {@code π} as {@code pi}; {@code °} is the degree postfix.
 * Identifiers are a letter or {@code _} followed by letters, ASCII digits, subscript digits and {@code _}
 * (letters of any script: {@code θ}, {@code 가}; {@code π} is never part of a name; {@code x₁} is {@code x1}).
 */
final class Lexer {
    static final int NUMBER = 0;
    static final int IDENT = 1;
    static final int OPERATOR = 2;
    /** A superscript exponent such as {@code ²} or {@code ⁻¹}; {@link #number()} is its value. */
    static final int SUPERSCRIPT = 3;
    static final int END = 4;

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final char PI = 'π';

    private final String source;
    private int count;
    private int[] kinds = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private double[] numbers = new double[16];
    private String[] symbols = new String[16];
    private int index;

    Lexer(String source, int maxTokens) {
        this.source = source;
        int i = 0;
        int n = source.length();
        while (true) {
            while (i < n && isSpace(source.codePointAt(i))) {
                i += Character.charCount(source.codePointAt(i));
            }
            if (count >= maxTokens) {
                throw new ParseException(source, i, "a smaller formula",
                        "too many tokens (limit " + maxTokens + ")");
            }
            if (i >= n) {
                add(END, i, i, 0, "");
                break;
            }
            int c = source.codePointAt(i);
            if (isAsciiDigit(c) || (c == '.' && i + 1 < n && isAsciiDigit(source.charAt(i + 1)))) {
                i = lexNumber(i);
            } else if (c == PI) {
                add(IDENT, i, i + 1, 0, "pi");
                i++;
            } else if (isNameStart(c)) {
                int e = endOfName(i);
                add(IDENT, i, e, 0, asciiName(source.substring(i, e)));
                i = e;
            } else if (c == '⁺' || c == '⁻' || SUPERSCRIPT_DIGITS.indexOf(c) >= 0) {
                i = lexSuperscript(i);
            } else {
                i = lexOperator(i, c);
            }
        }
    }

    /** Whitespace, including the no-break spaces that documents paste. */
    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(int c) {
        return c == '_' || (Character.isLetter(c) && c != PI);
    }

    private static boolean isSubscriptDigit(int c) {
        return c >= '₀' && c <= '₉';
    }

    /** The name with subscript digits written as digits: {@code x₁} is the variable {@code x1}. */
    private static String asciiName(String typed) {
        StringBuilder b = new StringBuilder(typed.length());
        for (int k = 0; k < typed.length(); k++) {
            char c = typed.charAt(k);
            b.append(isSubscriptDigit(c) ? (char) ('0' + c - '₀') : c);
        }
        return b.toString();
    }

    private int endOfName(int i) {
        int n = source.length();
        while (i < n) {
            int c = source.codePointAt(i);
            if (!isNameStart(c) && !isAsciiDigit(c) && !isSubscriptDigit(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private int digits(int i) {
        while (i < source.length() && isAsciiDigit(source.charAt(i))) {
            i++;
        }
        return i;
    }

    private int lexNumber(int s) {
        int n = source.length();
        int i = digits(s);
        if (i < n && source.charAt(i) == '.') {
            i = digits(i + 1);
        }
        if (i < n && (source.charAt(i) == 'e' || source.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (source.charAt(j) == '+' || source.charAt(j) == '-')) {
                j++;
            }
            if (j < n && isAsciiDigit(source.charAt(j))) {
                i = digits(j);
            }
        }
        if (i < n) {
            int c = source.codePointAt(i);
            if (c == '.') {
                throw new ParseException(source, i, "a digit or an operator", "malformed number");
            }
            if (isNameStart(c) || c == PI) {
                int e = c == PI ? i + 1 : endOfName(i);
                throw new ParseException(source, i, "an operator", "implicit multiplication is not supported: write "
                        + source.substring(s, i) + "*" + source.substring(i, e));
            }
        }
        double v = Double.parseDouble(source.substring(s, i));
        if (Double.isInfinite(v)) {
            throw new ParseException(source, s, "a finite number", "number too large");
        }
        if (new java.math.BigDecimal(source.substring(s, i)).scale() > Rational.MAX_SCALE) {
            throw new ParseException(source, s, "a number in the range of a double", "number too small");
        }
        add(NUMBER, s, i, v, source.substring(s, i));
        return i;
    }

    /** An optional superscript sign and superscript digits: {@code ²}, {@code ⁻¹}, {@code ¹⁰}. */
    private int lexSuperscript(int s) {
        int i = s;
        boolean negative = source.charAt(i) == '⁻';
        if (source.charAt(i) == '⁺' || negative) {
            i++;
        }
        StringBuilder digits = new StringBuilder(negative ? "-" : "");
        while (i < source.length() && SUPERSCRIPT_DIGITS.indexOf(source.charAt(i)) >= 0) {
            digits.append((char) ('0' + SUPERSCRIPT_DIGITS.indexOf(source.charAt(i))));
            i++;
        }
        if (i == s + 1 && (negative || source.charAt(s) == '⁺')) {
            throw new ParseException(source, i, "superscript digits", "a superscript sign needs superscript digits"
                    + " after it (x⁻¹), or write x^-1");
        }
        double v = Double.parseDouble(digits.toString());
        if (Double.isInfinite(v)) {
            throw new ParseException(source, s, "a finite number", "number too large");
        }
        add(SUPERSCRIPT, s, i, v, source.substring(s, i));
        return i;
    }

    private int lexOperator(int i, int c) {
        String two = i + 1 < source.length() ? source.substring(i, i + 2) : "";
        switch (two) {
            case "<=": case ">=": case "==": case "!=":
                add(OPERATOR, i, i + 2, 0, two);
                return i + 2;
            case "**":
                throw new ParseException(source, i, "an operator", "'**' is not supported: write ^ for powers");
            case "&&": case "||":
                throw new ParseException(source, i, "an operator", "write " + (c == '&' ? "and" : "or")
                        + " instead of " + two);
            default:
                break;
        }
        String symbol = symbol(c);
        if (symbol != null) {
            add(OPERATOR, i, i + 1, 0, symbol);
            return i + 1;
        }
        if (c == '=') {
            throw new ParseException(source, i, "'=='", "a single '=' is not a comparison: write ==");
        }
        if (c == '!') {
            throw new ParseException(source, i, "'!='", "write not(…) or != ('!' alone is not an operator)");
        }
        if (Character.isDigit(c)) {
            throw new ParseException(source, i, "a digit 0-9", "non-ASCII digit " + describe(c) + ": write "
                    + Character.digit(c, 10) + " (only the digits 0-9 are numbers)");
        }
        throw new ParseException(source, i, "an expression", "unexpected character " + describe(c) + hint(c));
    }

    /** The ASCII spelling of a one-character operator, or null. */
    private static String symbol(int c) {
        if (c < 128) {
            return "+-*/^(),<>".indexOf(c) >= 0 ? String.valueOf((char) c) : null;
        }
        switch (c) {
            case '·': case '×': case '⋅': return "*";
            case '÷': return "/";
            case '−': return "-";
            case '≤': return "<=";
            case '≥': return ">=";
            case '≠': return "!=";
            case '√': return "sqrt";
            case '∛': return "cbrt";
            case '°': return "°";
            default: return null;
        }
    }

    /** {@code '#'}, or for characters beyond ASCII the code point and its name: {@code '٣' (U+0663 …)}. */
    static String describe(int c) {
        String code = String.format("U+%04X", c);
        String name = Character.getName(c);
        int type = Character.getType(c);
        boolean invisible = Character.isISOControl(c) || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
        if (type == Character.SURROGATE) {
            return code + " (half of a surrogate pair)";
        }
        if (invisible) {
            return code + (name == null || Character.isISOControl(c) ? "" : " " + name);
        }
        String shown = "'" + new String(Character.toChars(c)) + "'";
        return c < 128 ? shown : shown + " (" + code + (name == null ? "" : " " + name) + ")";
    }

    private static String hint(int c) {
        switch (Character.getType(c)) {
            case Character.DASH_PUNCTUATION: return ": write - for minus";
            case Character.NON_SPACING_MARK: case Character.ENCLOSING_MARK: return " (a combining mark)";
            case Character.OTHER_NUMBER: return isSubscriptDigit(c) ? ": a subscript follows a name (x₁)" : "";
            default: return "";
        }
    }

    private void add(int kind, int start, int end, double number, String symbol) {
        if (count == kinds.length) {
            int m = count * 2;
            kinds = Arrays.copyOf(kinds, m);
            starts = Arrays.copyOf(starts, m);
            ends = Arrays.copyOf(ends, m);
            numbers = Arrays.copyOf(numbers, m);
            symbols = Arrays.copyOf(symbols, m);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = end;
        numbers[count] = number;
        symbols[count] = symbol;
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

    /** The kind of the token after the current one. */
    int peekKind() {
        return kinds[Math.min(index + 1, count - 1)];
    }

    /** The ASCII spelling of the token after the current one. */
    String peekSymbol() {
        return symbols[Math.min(index + 1, count - 1)];
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

    /** The token as typed. */
    String text() {
        return source.substring(starts[index], ends[index]);
    }

    /** The token's ASCII spelling: {@code *} for {@code ×}, {@code pi} for {@code π}, a name as typed. */
    String symbol() {
        return symbols[index];
    }

    double number() {
        return numbers[index];
    }

    /** The exact value of a number token as typed ({@code 0.1} is 1/10); a superscript's integer. */
    Rational exact() {
        return kinds[index] == NUMBER ? Rational.of(new java.math.BigDecimal(symbols[index]))
                : Rational.ofDouble(numbers[index]);
    }

    String describe() {
        if (kinds[index] == END) {
            return "end of input";
        }
        String t = text();
        if (t.length() > 20) {
            t = t.substring(0, Character.isHighSurrogate(t.charAt(19)) ? 19 : 20) + "…";
        }
        return "'" + t + "'";
    }
}
