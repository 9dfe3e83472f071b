package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar: mathematicians' precedence, and a clear error with position and caret for every bad input. */
class ParserTest {

    private static String canonical(String s) {
        return Formula.parse(s).toString();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "-x^2           | -x^2",
        "-(x^2)         | -x^2",
        "(-x)^2         | x^2",
        "2^3^2          | 512",
        "(2^3)^2        | 64",
        "x^y^z          | x^y^z",
        "x^-2           | 1/x^2",
        "-2^2           | -4",
        "2*-3           | -6",
        "x - -y         | x + y",
        "x - y - z      | x - y - z",
        "x/y/z          | x/(y*z)",
        "x/(y/z)        | x*z/y",
        "+x             | x",
        "1e-3*x         | 0.001*x",
        ".5*x           | 0.5*x",
        "2.5e2          | 250",
        "pow(x, 3)      | x^3",
        "ln(x)          | log(x)",
        "e^x            | e^x",
        "2*pi*x         | 2*pi*x",
    })
    void precedenceAndAssociativity(String input, String expected) {
        assertThat(canonical(input)).isEqualTo(expected);
    }

    @Test
    void conditionsBindLooserThanArithmeticAndOrLooserThanAnd() {
        Formula f = Formula.parse("if(x + 1 > 2*y and not y < 0 or x == 3, x, y)");
        assertThat(f.toString()).isEqualTo("if(x + 1 > 2*y and not y < 0 or x == 3, x, y)");
        assertThat(f.value(new double[] {3, -5})).isEqualTo(3);
        assertThat(f.value(new double[] {0, 1})).isEqualTo(1);
        assertThat(Formula.parse("if((x < 1 or x > 2) and y < 0, 1, 0)").toString())
                .isEqualTo("if((x < 1 or x > 2) and y < 0, 1, 0)");
    }

    @Test
    void whitespaceIsIgnored() {
        assertThat(canonical(" x \t+\n y\r\n")).isEqualTo("x + y");
    }

    @Test
    void variablesAreSortedNaturallyOrFixedByTheCaller() {
        assertThat(Formula.parse("z + y*x10 + x2").variables()).containsExactly("x2", "x10", "y", "z");
        Formula f = Formula.parse("x*y", List.of("y", "x", "w"));
        assertThat(f.variables()).containsExactly("y", "x", "w");
        assertThat(f.gradientFormulas()).extracting(Formula::toString).containsExactly("x", "y", "0");
    }

    private static ParseException error(String input) {
        return catchThrowableOfType(ParseException.class, () -> Formula.parse(input));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // input       | column | start of the message
        "2x            | 2  | implicit multiplication is not supported: write 2*x",
        "2 x           | 3  | implicit multiplication is not supported: write 2*x",
        "x y           | 3  | implicit multiplication is not supported: write x*y",
        "(x+1)(x-1)    | 6  | implicit multiplication is not supported: write (x+1)*(…",
        "2(x+1)        | 2  | implicit multiplication is not supported: write 2*(…",
        "3pi           | 2  | implicit multiplication is not supported: write 3*pi",
        "foo(x)        | 1  | unknown function foo",
        "pi(x)         | 3  | pi is not a function",
        "sin           | 4  | sin is a function: write sin(…)",
        "sin(x         | 6  | expected ')' but found end of input",
        "x)            | 2  | expected an operator or the end of input but found ')'",
        "\"\"          | 1  | expected an expression but found end of input",
        "x +           | 4  | expected an expression but found end of input",
        "x # y         | 3  | unexpected character '#'",
        "atan2(x)      | 1  | atan2 takes 2 arguments but was given 1",
        "sin(x, y)     | 1  | sin takes 1 argument but was given 2",
        "if(x, 1, 2)   | 4  | expected a condition (a comparison such as x > 0) but found a number",
        "x < 1         | 1  | the formula is a condition, not a number",
        "(x < 1) + 2   | 1  | expected a number but found a condition",
        "a < b < c     | 7  | comparisons do not chain",
        "x = 1         | 3  | a single '=' is not a comparison: write ==",
        "x ** 2        | 3  | '**' is not supported: write ^ for powers",
        "x && y        | 3  | write and instead of &&",
        "1.2.3         | 4  | malformed number",
        "1e999         | 1  | number too large",
        "x and y       | 1  | expected a condition",
        "and           | 1  | 'and' needs conditions on both sides",
        "if(x > 0, 1)  | 1  | if takes 3 arguments but was given 2",
        "x!            | 2  | write not(…) or !=",
    })
    void everyBadInputIsAParseExceptionWithPositionAndCaret(String input, int column, String message) {
        ParseException e = error(input);
        assertThat(e).as(input).isNotNull();
        assertThat(e.problem()).startsWith(message);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage()).isEqualTo(e.problem() + " at column " + column + "\n" + input + "\n"
                + " ".repeat(column - 1) + "^");
        assertThat(e.caretLine()).isEqualTo(" ".repeat(column - 1) + "^");
        assertThat(e.source()).isEqualTo(input);
        assertThat(e.expected()).isNotBlank();
    }

    @Test
    void unknownVariableWhenTheVariablesAreFixed() {
        ParseException e = catchThrowableOfType(ParseException.class, () -> Formula.parse("x + z", List.of("x", "y")));
        assertThat(e.getMessage()).isEqualTo("unknown variable z (variables: x, y) at column 5\nx + z\n    ^");
        assertThat(catchThrowableOfType(ParseException.class, () -> Formula.parse("x(y + 1)", List.of("x", "y"))).problem())
                .isEqualTo("x is not a function; implicit multiplication is not supported: write x*(…)");
    }

    @Test
    void deepNestingOfAHundredThousandParenthesesIsRefusedWithoutStackOverflow() {
        int n = 100_000;
        String deep = "(".repeat(n) + "x" + ")".repeat(n);
        ParseLimits roomy = new ParseLimits(1_000_000, 200, 1_000_000);
        ParseException e = catchThrowableOfType(ParseException.class, () -> Formula.parse(deep, null, roomy));
        assertThat(e.problem()).isEqualTo("nesting deeper than 200 levels");
        assertThat(e.position()).isEqualTo(200);
        assertThat(e.sourceLine()).hasSizeLessThan(80);
        // with the default limits the same input is refused by its length before any parsing
        assertThat(error(deep).problem()).startsWith("input too long (200001 characters, limit 100000)");
    }

    @Test
    void deepUnaryChainsPowerTowersAndNestedCallsAreRefusedToo() {
        assertThat(error("-".repeat(50_000) + "x").problem()).startsWith("nesting deeper than");
        assertThat(error("x^".repeat(20_000) + "x").problem()).startsWith("nesting deeper than");
        assertThat(error("sin(".repeat(10_000) + "x" + ")".repeat(10_000)).problem()).startsWith("nesting deeper than");
        assertThat(error("not ".repeat(20_000) + "x < 1").problem()).startsWith("nesting deeper than");
        // just below the limit parses
        int d = ParseLimits.DEFAULT.maxDepth() - 1;
        assertThat(Formula.parse("(".repeat(d) + "x" + ")".repeat(d)).toString()).isEqualTo("x");
    }

    @Test
    void aMegabyteOfInputIsRefusedByLength() {
        String big = "x+".repeat(500_000) + "x";
        ParseException e = error(big);
        assertThat(e.problem()).isEqualTo("input too long (1000001 characters, limit 100000)");
        assertThat(e.getMessage().length()).isLessThan(300);
    }

    @Test
    void tooManyTokensAreRefusedBeforeParsing() {
        ParseLimits small = new ParseLimits(100_000, 200, 1000);
        ParseException e = catchThrowableOfType(ParseException.class,
                () -> Formula.parse("x+".repeat(600) + "x", null, small));
        assertThat(e.problem()).isEqualTo("too many tokens (limit 1000)");
    }

    @Test
    void longSumsAndProductsParseIntoOneNaryNode() {
        StringBuilder s = new StringBuilder("x1");
        for (int i = 2; i <= 5000; i++) {
            s.append(" + x").append(i);
        }
        Formula f = Formula.parse(s.toString());
        assertThat(f.dimension()).isEqualTo(5000);
        assertThat(f.expression().arity()).isEqualTo(5000);
        assertThat(f.expression().depth()).isEqualTo(2);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ParseLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
