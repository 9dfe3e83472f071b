package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.nabla.symbolic.expr.Expr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Formulas as people type them (π, x², ·, ×, −, √, 30°) read exactly as their ASCII spelling; characters the
 * language does not know, non-ASCII digits among them, are a ParseException with the position and a caret.
 */
class TypedInputTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiter = '|', value = {
        "π                     | pi",
        "2·π·r                 | 2*pi*r",
        "2⋅x × y               | 2*x*y",
        "x ÷ y                 | x/y",
        "x − y                 | x - y",
        "−x²                   | -x^2",
        "x² + y³               | x^2 + y^3",
        "x⁻¹                   | x^-1",
        "x⁻²·y                 | x^-2*y",
        "x¹⁰ + x⁺³             | x^10 + x^3",
        "(x + 1)²              | (x + 1)^2",
        "2³                    | 8",
        "x^2²                  | x^4",
        "x²y                   | ",
        "√x                    | sqrt(x)",
        "√(x + 1)              | sqrt(x + 1)",
        "√x·y                  | sqrt(x)*y",
        "√x²                   | sqrt(x^2)",
        "−√x                   | -sqrt(x)",
        "x^√y                  | x^sqrt(y)",
        "∛x                    | cbrt(x)",
        "√√x                   | sqrt(sqrt(x))",
        "sin(30°)              | sin(pi/6)",
        "cos(90°)              | cos(pi/2)",
        "sin(x°)               | sin(x*pi/180)",
        "(x + 1)°              | (x + 1)*pi/180",
        "sin²(x) + cos²(x)     | sin(x)^2 + cos(x)^2",
        "r²·cos²(θ)            | r^2*cos(θ)^2",
        "if(x ≤ 1 and y ≥ 2 and x ≠ y, x, y) | if(x <= 1 and y >= 2 and x != y, x, y)",
        "x\u00a0+\u202fy\u3000+ z | x + y + z",
        "x₁² + x₂·x₁₀          | x1^2 + x2*x10",
        "2π                    | ",
    })
    void typedFormsReadAsTheirAsciiSpelling(String typed, String ascii) {
        if (ascii == null) {
            // juxtaposition stays an error in every spelling
            assertThat(catchThrowableOfType(ParseException.class, () -> Formula.parse(typed)).problem())
                    .startsWith("implicit multiplication is not supported: write ");
            return;
        }
        assertThat(Formula.parse(typed).expression()).isSameAs(Formula.parse(ascii).expression());
    }

    @Test
    void degreesAreExactMultiplesOfPi() {
        assertThat(Formula.parse("sin(30°)").toString()).isEqualTo("sin(pi/6)");
        assertThat(Formula.parse("sin(30°)").value(new double[0])).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-16));
        assertThat(Formula.parse("180°").value(new double[0])).isEqualTo(Math.PI);
        assertThat(Formula.parse("45° + 45°").expression()).isSameAs(Formula.parse("π/2").expression());
        // d/dx sin(x°) = cos(x°)·π/180; at 60° cos is 0.5 up to rounding of π/3: a few ulps of 0.0087 (ulp 1.7e-18)
        assertThat(Formula.parse("sin(x°)").partial("x").value(new double[] {60}))
                .isCloseTo(0.5 * Math.PI / 180, org.assertj.core.api.Assertions.within(1e-17));
    }

    @Test
    void piIsAConstantInEverySpellingAndNeverAVariable() {
        Formula f = Formula.parse("π·x + pi", List.of("x"));
        assertThat(f.variables()).containsExactly("x");
        assertThat(f.value(new double[] {2})).isEqualTo(3 * Math.PI);
        assertThat(Formula.parse("π").expression()).isSameAs(Expr.PI);
        assertThat(catchThrowableOfType(ParseException.class, () -> Formula.parse("π(x + 1)")).problem())
                .isEqualTo("π is not a function; implicit multiplication is not supported: write π*(…)");
        // π is its own token: πr is π followed by r
        assertThat(catchThrowableOfType(ParseException.class, () -> Formula.parse("πr")).problem())
                .isEqualTo("implicit multiplication is not supported: write π*r");
    }

    /** e is Euler's number, as it always was, unless the caller lists a variable named e. */
    @Test
    void eIsEulersNumberUnlessDeclaredAsAVariable() {
        assertThat(Formula.parse("e^x").variables()).containsExactly("x");
        assertThat(Formula.parse("e^x").value(new double[] {1})).isEqualTo(Math.E);
        assertThat(Formula.parse("e*x", List.of("x")).expression()).isSameAs(Formula.parse("e*x").expression());
        Formula declared = Formula.parse("e*x", List.of("e", "x"));
        assertThat(declared.gradientFormulas()).extracting(Formula::toString).containsExactly("x", "e");
        assertThat(declared.value(new double[] {3, 2})).isEqualTo(6);
        // the printed form reads back as the same formula over the same variables
        assertThat(Formula.parse(declared.toString(), declared.variables())).isEqualTo(declared);
    }

    private static ParseException error(String input) {
        ParseException e = catchThrowableOfType(ParseException.class, () -> Formula.parse(input));
        assertThat(e).as(input).isNotNull();
        assertThat(e.source()).isEqualTo(input);
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // input     | column | start of the message
        "٣*x         | 1 | non-ASCII digit '٣' (U+0663 ARABIC-INDIC DIGIT THREE): write 3",
        "x + ３      | 5 | non-ASCII digit '３' (U+FF13 FULLWIDTH DIGIT THREE): write 3",
        "1٣          | 2 | non-ASCII digit '٣'",
        "x٣          | 2 | non-ASCII digit '٣'",
        "x^۲         | 3 | non-ASCII digit '۲' (U+06F2 EXTENDED ARABIC-INDIC DIGIT TWO): write 2",
        "x ∑ y       | 3 | unexpected character '∑' (U+2211 N-ARY SUMMATION)",
        "x – y       | 3 | unexpected character '–' (U+2013 EN DASH): write - for minus",
        "sin⁻¹(x)    | 4 | sin⁻¹ is ambiguous: write 1/sin(…) for the reciprocal, or the inverse function",
        "x⁻          | 3 | a superscript sign needs superscript digits",
        "x²^3        | 3 | a superscript or ° cannot be followed by ^",
        "30°^2       | 4 | a superscript or ° cannot be followed by ^",
        "²           | 1 | expected an expression but found '²'",
        "x*°         | 3 | expected an expression but found '°'",
        "2√x         | 2 | implicit multiplication is not supported: write 2*√…",
        "x√          | 2 | implicit multiplication is not supported: write x*√…",
        "√           | 2 | expected an expression but found end of input",
        "sin²x       | 4 | sin is a function: write sin(…)",
        "(x < 1)²    | 1 | expected a number but found a condition",
        "₁ + x       | 1 | unexpected character '₁' (U+2081 SUBSCRIPT ONE): a subscript follows a name (x₁)",
    })
    void unexpectedCharactersAreParseExceptionsWithACaret(String input, int column, String message) {
        ParseException e = error(input);
        assertThat(e.problem()).startsWith(message);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage()).isEqualTo(e.problem() + " at column " + column + "\n" + input + "\n"
                + " ".repeat(column - 1) + "^");
    }

    @Test
    void invisibleCharactersAreNamedAndShownAsSpaces() {
        ParseException rlo = error("x\u202E+y");
        assertThat(rlo.problem()).isEqualTo("unexpected character U+202E RIGHT-TO-LEFT OVERRIDE");
        assertThat(rlo.sourceLine()).isEqualTo("x +y");
        assertThat(rlo.caretLine()).isEqualTo(" ^");
        assertThat(error("x\u0000").problem()).isEqualTo("unexpected character U+0000");
        assertThat(error("x\u200B+ y").problem()).isEqualTo("unexpected character U+200B ZERO WIDTH SPACE");
        assertThat(error("x\u0301 + y").problem())
                .isEqualTo("unexpected character U+0301 COMBINING ACUTE ACCENT (a combining mark)");
        assertThat(error("x\uD800 + y").problem()).isEqualTo("unexpected character U+D800 (half of a surrogate pair)");
        ParseException emoji = error("x + \uD83D\uDE00");
        assertThat(emoji.problem()).isEqualTo("unexpected character '\uD83D\uDE00' (U+1F600 GRINNING FACE)");
        assertThat(emoji.position()).isEqualTo(4);
        ParseException tab = error("x\t# y");
        assertThat(tab.sourceLine()).isEqualTo("x # y");
        assertThat(tab.caretLine()).isEqualTo("  ^");
    }

    @Test
    void theCaretStandsUnderTheProblemOnATerminal() {
        // Hangul and fullwidth characters take two columns, combining marks none
        assertThat(error("가격 + #").caretLine()).isEqualTo("       ^");
        assertThat(error("ｘ + #").caretLine()).isEqualTo("     ^");
        assertThat(error("𝑥 + #").caretLine()).isEqualTo("    ^");
        assertThat(error("가격 + #").position()).isEqualTo(5);
    }

    @Test
    void lettersOfAnyScriptAreNames() {
        assertThat(Formula.parse("θ² + 가격·φ_1 + 𝑥").variables()).containsExactlyInAnyOrder("θ", "φ_1", "가격", "𝑥");
    }
}
