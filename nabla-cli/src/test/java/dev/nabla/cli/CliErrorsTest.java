package dev.nabla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The error paths shared by every command: exit code, one clear line (plus the caret for parse errors). */
class CliErrorsTest {

    @Test
    void aParseErrorShowsTheExpressionAndACaretUnderTheColumn() {
        CliRun r = CliRun.of("grad", "x^2*sin(y + ) + y^3", "--at", "x=1,y=2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        String[] lines = r.errLines();
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("nabla grad: parse error: ").contains("column 13");
        int source = lines[1].indexOf("x^2*sin(y + ) + y^3");
        assertThat(source).isNotNegative();
        assertThat(lines[2].indexOf('^') - source).isEqualTo(12); // under the ')' at column 13
        assertThat(lines[2].strip()).isEqualTo("^");
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"grad", "x*y", "--at", "x=1,z=2"},
                        "nabla grad: unknown variable 'z' in --at: the variables are x, y"),
                Arguments.of(new String[] {"grad", "x*y", "--at", "x=1"},
                        "nabla grad: missing value for 'y' in --at"),
                Arguments.of(new String[] {"eval", "x*y"},
                        "nabla eval: missing --at: give a value for x, y, e.g. --at x=1,y=2"),
                Arguments.of(new String[] {"eval", "x*y", "--at", "1,2,3"},
                        "nabla eval: --at has 3 values but the variables are (x, y): give 2, e.g. --at x=1,y=2"),
                Arguments.of(new String[] {"grad", "x*y", "--at", "x=1,y=2", "--dir", "1,2,3"},
                        "nabla grad: --dir has 3 components but the variables are (x, y): give 2"),
                Arguments.of(new String[] {"dir", "x*y", "--at", "x=1,y=2", "--dir", "1"},
                        "nabla dir: --dir has 1 component but the variables are (x, y): give 2"),
                Arguments.of(new String[] {"grad", "x*y", "--at", "x=1,y=2", "--dir", "1,abc"},
                        "nabla grad: Invalid value for option '--dir': not a number: 'abc' in the vector"
                                + " (see 'nabla grad --help')"),
                Arguments.of(new String[] {"eval", "x", "--at", "x=log(-1)"}, "nabla eval: undefined value 'log(-1)' in --at x"),
                Arguments.of(new String[] {"eval", "x", "--vars", "x,x", "--at", "1,2"},
                        "nabla eval: --vars: variable 'x' given twice"),
                Arguments.of(new String[] {"eval", "x", "--vars", "x,2y", "--at", "1,2"},
                        "nabla eval: --vars: '2y' is not a variable name (letters, digits, _)"),
                Arguments.of(new String[] {"grad", "x*y", "--at", "x=1,y=2", "--bogus"},
                        "nabla grad: Unknown option: '--bogus' (see 'nabla grad --help')"),
                Arguments.of(new String[] {"gradient", "x*y"},
                        "nabla: unknown command 'gradient', did you mean grad? (see 'nabla --help')"),
                Arguments.of(new String[] {}, "nabla: Missing required subcommand (see 'nabla --help')"),
                Arguments.of(new String[] {"eval"},
                        "nabla eval: Missing required parameter: 'EXPR' (see 'nabla eval --help')"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorsExitWithTwoAndOneLine(String[] args, String message) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).isEqualTo(message + "\n");
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    static Stream<Arguments> domainErrors() {
        return Stream.of(
                Arguments.of("eval", "log(x - 2)", "x=1", "log(x - 2)"),
                Arguments.of("grad", "sqrt(x - 3) + y", "x=1,y=0", "sqrt(x - 3)"),
                Arguments.of("hess", "x/y", "x=1,y=0", "x/y"),
                Arguments.of("jac", "x; log(y)", "x=1,y=-1", "log(y)"));
    }

    @ParameterizedTest
    @MethodSource("domainErrors")
    void domainErrorsExitWithThreeNamingTheSubExpression(String command, String expression, String at,
                                                         String subExpression) {
        String[] args = command.equals("dir") ? new String[] {command, expression, "--at", at, "--dir", "1,1"}
                : new String[] {command, expression, "--at", at};
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("nabla " + command + ": domain error: ").contains(subExpression);
    }

    @Test
    void hostileInputIsRefusedAsAParseError() {
        String deep = "(".repeat(100_000) + "x" + ")".repeat(100_000);
        CliRun r = CliRun.of("eval", deep, "--at", "x=1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("nabla eval: parse error: ").doesNotContain("StackOverflow");
    }

    @Test
    void helpListsEveryCommandAndExitsWithZero() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("eval", "grad", "dir", "hess", "jac", "simplify", "latex");
        CliRun grad = CliRun.of("grad", "--help");
        assertThat(grad.exit()).isZero();
        assertThat(grad.out()).contains("--at", "--vars", "--dir", "--json", "--latex");
    }
}
