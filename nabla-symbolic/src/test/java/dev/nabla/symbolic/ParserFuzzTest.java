package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded fuzzing of the parser: random strings over ASCII and Unicode (the typed operators, non-ASCII digits,
 * combining marks, surrogate pairs and lone surrogates, right-to-left letters and overrides, control and
 * zero-width characters) and random sequences of tokens. Every input either parses, and then prints back to
 * the same formula, or is a ParseException whose position lies in the input and whose caret line ends the
 * message; no other exception. Time per input is not asserted (see docs/expressions.md for the figures).
 */
class ParserFuzzTest {
    private static final String[] CHARACTERS = {
        "x", "y", "z", "θ", "e", "E", "_", "a", "s", "i", "n", "0", "1", "2", "9", ".", " ", "\t", "\n",
        "+", "-", "*", "/", "^", "(", ")", ",", "<", ">", "=", "!", "&", "|", "#", "@", "'", "\"", "\\",
        "π", "²", "³", "⁰", "⁹", "⁻", "⁺", "·", "×", "⋅", "÷", "−", "√", "∛", "°", "≤", "≥", "≠",
        "٣", "３", "۲", "ｘ", "\u0301", "\u0302", "\u20DD", "\uD835\uDC65", "\uD83D\uDE00", "\uD800", "\uDC00",
        "ا", "ש", "\u200F", "\u202E", "\u2066", "\u200B", "\uFEFF", "\u0000", "\u0007", "\u007F", "\u0085",
        "\u00A0", "\u2028", "가", "격", "–", "—", "∑", "∞", "\uFFFD", "\uFFFF", "₁", "₀",
    };
    private static final String[] TOKENS = {
        "x", "y", "θ", "2", "0", "1e308", "1e-320", "0.5", ".5", "2e", "1.2.3", "pi", "π", "e", "-", "−", "+",
        "*", "·", "×", "/", "÷", "^", "²", "⁻¹", "¹⁰", "√", "∛", "°", "(", ")", ",", "sin(", "sin²(", "sin⁻¹(",
        "max(", "atan2(", "if(", "pow(", "<", "<=", "≤", "==", "≠", "!=", " and ", " or ", "not ", " ", "٣",
        "\u0301", "\u202E", "\uD83D\uDE00", "#", "=", "!", "foo(", "x10", "_", "٣٣", "x₁", "₂",
    };

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomCharactersParseOrAreAParseException(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 40; i++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(30);
            for (int k = 0; k < n; k++) {
                s.append(CHARACTERS[r.nextInt(CHARACTERS.length)]);
            }
            check(s.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomTokenSequencesParseOrAreAParseException(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 40; i++) {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(30);
            for (int k = 0; k < n; k++) {
                s.append(TOKENS[r.nextInt(TOKENS.length)]);
            }
            check(s.toString());
        }
    }

    /** Token soup around a valid formula: the mutations of a formula a person almost typed right. */
    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedFormulasParseOrAreAParseException(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String base = "√(x² + y²)·sin(30°) − e^(−θ)/(2π) + if(x ≤ 1 and y ≠ 0, x⁻¹, max(x, y)³)";
        for (int i = 0; i < 40; i++) {
            StringBuilder s = new StringBuilder(base);
            for (int m = 1 + r.nextInt(3); m > 0; m--) {
                int at = r.nextInt(s.length() + 1);
                switch (r.nextInt(3)) {
                    case 0:
                        s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                        break;
                    case 1:
                        if (at < s.length()) {
                            s.deleteCharAt(at);
                        }
                        break;
                    default:
                        s.insert(at, CHARACTERS[r.nextInt(CHARACTERS.length)]);
                        break;
                }
            }
            check(s.toString());
        }
    }

    private static void check(String input) {
        Formula f;
        try {
            f = Formula.parse(input);
        } catch (ParseException e) {
            assertThat(e.source()).isEqualTo(input);
            assertThat(e.position()).as(input).isBetween(0, input.length());
            assertThat(e.getMessage()).as(input).startsWith(e.problem() + " at column " + (e.position() + 1) + "\n")
                    .endsWith("\n" + e.caretLine());
            assertThat(e.caretLine()).matches(" *\\^");
            assertThat(e.sourceLine()).as(input).doesNotContain("\n", "\r", "\u202E", "\u0000");
            assertThat(e.expected()).isNotBlank();
            return;
        }
        assertThat(Formula.parse(f.toString(), f.variables())).as(input).isEqualTo(f);
    }
}
