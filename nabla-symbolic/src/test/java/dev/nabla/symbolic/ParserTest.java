package dev.nabla.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
        "1e-3*x         | x/1000",
        ".5*x           | x/2",
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
    void aFormulaKeepsItsSourceAndDerivedFormulasPrintTheirs() {
        Formula f = Formula.parse("x^2 *  sin(y)");
        assertThat(f.source()).isEqualTo("x^2 *  sin(y)");
        assertThat(f.toString()).isEqualTo("x^2*sin(y)");
        assertThat(f.partial("y").source()).isEqualTo("x^2*cos(y)");
        Formula built = Formula.of(dev.nabla.symbolic.expr.Expr.multiply(dev.nabla.symbolic.expr.Expr.variable("x"),
                dev.nabla.symbolic.expr.Expr.variable("x")), List.of("x"));
        assertThat(built).isEqualTo(Formula.parse("x^2", List.of("x")));
        assertThatThrownBy(() -> Formula.of(dev.nabla.symbolic.expr.Expr.variable("z"), List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
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

    private static String nested(String what, int levels) {
        switch (what) {
            case "parentheses": return "(".repeat(levels) + "x" + ")".repeat(levels);
            case "calls": return "sin(".repeat(levels) + "x" + ")".repeat(levels);
            case "signs": return "-".repeat(levels) + "x";
            case "roots": return "√".repeat(levels) + "x";
            case "powers": return "x^".repeat(levels) + "2";
            default: return "if(" + "not ".repeat(levels - 1) + "x < 1, 1, 2)";
        }
    }

    /**
     * The parser keeps its pending constructs on an explicit stack, so deep nesting parses on a thread with the
     * default stack size whatever the configured limit (the recursive parser it replaced overflowed below 1 000
     * parentheses there), and one level beyond the limit is refused.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"parentheses", "calls", "signs", "roots", "powers", "not"})
    void nestingToAHighConfiguredLimitNeverOverflowsTheStack(String what) throws InterruptedException {
        int limit = 20_000;
        Throwable[] failure = new Throwable[1];
        Formula[] parsed = new Formula[2];
        ParseException[] refused = new ParseException[1];
        Thread t = new Thread(() -> {
            try {
                ParseLimits atLimit = new ParseLimits(10_000_000, limit, 10_000_000);
                parsed[0] = Formula.parse(nested(what, limit), null, atLimit);
                refused[0] = catchThrowableOfType(ParseException.class,
                        () -> Formula.parse(nested(what, limit + 1), null, atLimit));
                ParseLimits unlimited = new ParseLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
                parsed[1] = Formula.parse(nested(what, 2 * limit), null, unlimited);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.start();
        t.join();
        assertThat(failure[0]).as(what).isNull();
        assertThat(parsed[0].variables()).containsExactly("x");
        assertThat(parsed[1].variables()).containsExactly("x");
        assertThat(refused[0].problem()).isEqualTo("nesting deeper than " + limit + " levels");
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
    void productsOfManyPiecewiseFactorsStayFlat() {
        StringBuilder s = new StringBuilder();
        for (int k = 1; k <= 3000; k++) {
            s.append("if(x < ").append(k).append(", 1, 0)*");
        }
        s.append("x");
        Formula f = Formula.parse(s.toString(), null, new ParseLimits(100_000, 200, 100_000));
        assertThat(f.expression().depth()).isLessThan(10);
        assertThat(f.gradient(new double[] {-1})).containsExactly(1);
        assertThat(f.value(new double[] {-1})).isEqualTo(-1);
    }

    static java.util.stream.LongStream fuzzSeeds() {
        return java.util.stream.LongStream.range(0, 400);
    }

    /** Random token soup: every input either parses or is a ParseException — never another exception. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("fuzzSeeds")
    void randomInputIsEitherAFormulaOrAParseException(long seed) {
        String[] pieces = {"x", "y", "2", "1e308", "0", "-", "+", "*", "/", "^", "(", ")", ",", "sin(", "max(",
            "if(", "<", "==", " and ", " or ", "not ", "pi", "e", "1.5", "atan2(", "#", "=", "!", ".", "2e", " "};
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(25);
        for (int i = 0; i < n; i++) {
            s.append(pieces[r.nextInt(pieces.length)]);
        }
        String input = s.toString();
        try {
            Formula f = Formula.parse(input);
            assertThat(Formula.parse(f.toString(), f.variables()).expression()).isSameAs(f.expression());
        } catch (ParseException e) {
            assertThat(e.position()).isBetween(0, input.length());
            assertThat(e.getMessage()).contains("at column " + (e.position() + 1));
        }
    }

    @Test
    void constantsThatOverflowAreAParseException() {
        assertThat(error("1e308 + 1e308").problem()).startsWith("constant overflow");
        assertThat(error("x + 1e308*1e308").problem()).startsWith("constant overflow");
        // like terms whose collected coefficient overflows
        assertThat(error("1e308*x + 1e308*x").problem()).startsWith("constant overflow");
        assertThat(error("y + (1e308*x + 1e308*x)").position()).isEqualTo(5);
        assertThat(Formula.parse("10^400").toString()).isEqualTo("10^400"); // not folded: evaluates to infinity
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ParseLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
