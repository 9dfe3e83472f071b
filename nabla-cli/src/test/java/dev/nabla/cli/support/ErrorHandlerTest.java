package dev.nabla.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.Kink;
import dev.nabla.core.field.NonDifferentiableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The shared error handler, driven by a command that throws what it is told to. */
class ErrorHandlerTest {

    @Command(name = "throw")
    static final class Thrower implements Callable<Integer> {
        @Parameters(index = "0")
        String what;
        @Option(names = "--n")
        int n;

        @Override
        public Integer call() {
            throw switch (what) {
                case "usage" -> new UsageException("unknown variable 'z' in --at: the variables are x, y");
                case "domain" -> new DomainException("log(x - 2)", "log of -1 (argument must be > 0)", new double[] {1});
                case "kink" -> new NonDifferentiableException(new double[] {0}, List.of(new Kink("abs", "abs(x)")));
                default -> new IllegalStateException("boom\nsecond line");
            };
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = ErrorHandler.install(new CommandLine(new Thrower()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void usageErrorsExitWithTwoAndOneLine() {
        Run r = run("usage");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("throw: unknown variable 'z' in --at: the variables are x, y\n");
    }

    @Test
    void domainErrorsExitWithThreeNamingTheSubExpressionAndPoint() {
        Run r = run("domain");
        assertThat(r.exit()).isEqualTo(ExitCode.DOMAIN);
        assertThat(r.err()).isEqualTo("throw: domain error: log of -1 (argument must be > 0) in log(x - 2) at [1.0]\n");
    }

    @Test
    void nonDifferentiablePointsExitWithThree() {
        Run r = run("kink");
        assertThat(r.exit()).isEqualTo(ExitCode.DOMAIN);
        assertThat(r.err()).startsWith("throw: not differentiable at [0.0]: kink of abs(x)").hasLineCount(1);
    }

    @Test
    void unexpectedExceptionsAreOneLineWithoutStackTrace() {
        Run r = run("bug");
        assertThat(r.exit()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err()).isEqualTo("throw: internal error (please report): java.lang.IllegalStateException: boom; second line\n");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void picocliUsageErrorsExitWithTwoAndPointToHelp() {
        Run unknown = run("usage", "--bogus");
        assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).isEqualTo("throw: Unknown option: '--bogus' (see 'throw --help')\n");

        Run badInt = run("usage", "--n", "two");
        assertThat(badInt.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badInt.err()).startsWith("throw: Invalid value for option '--n'").hasLineCount(1);

        Run missing = run();
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).startsWith("throw: Missing required parameter").hasLineCount(1);
        assertThat(missing.out()).isEmpty();
    }
}
