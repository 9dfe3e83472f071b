package dev.nabla.cli.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.NonDifferentiableException;
import dev.nabla.symbolic.ParseException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps every failure to an exit code and one clear line on stderr, prefixed by the command's name; a parse
 * error adds the expression and a caret line under the failing column. Under {@code --json} the failure is
 * instead one JSON object on stdout, {@code {"error": {"kind", "message", "position"}}} ({@code position}: the
 * 0-based index of a parse error in the expression, else null). Never prints a stack trace.
 *
 * <table>
 *   <caption>failures, kinds and exit codes</caption>
 *   <tr><td>picocli usage error, {@link UsageException}</td><td>{@code usage}</td><td>{@link ExitCode#USAGE}</td></tr>
 *   <tr><td>{@link ParseException}</td><td>{@code parse}</td><td>{@link ExitCode#USAGE}</td></tr>
 *   <tr><td>{@link DomainException}, any other {@link ArithmeticException}</td><td>{@code domain}</td><td>{@link ExitCode#DOMAIN}</td></tr>
 *   <tr><td>{@link NonDifferentiableException}</td><td>{@code not-differentiable}</td><td>{@link ExitCode#DOMAIN}</td></tr>
 *   <tr><td>a constant beyond the double range while forming formulas</td><td>{@code overflow}</td><td>{@link ExitCode#DOMAIN}</td></tr>
 *   <tr><td>anything else (a bug)</td><td>{@code internal}</td><td>{@link ExitCode#INTERNAL}</td></tr>
 * </table>
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    /** The option that asks for JSON output, errors included. */
    private static final String JSON_OPTION = "--json";

    /**
     * One failure as reported: its {@code kind}, a one-line {@code message}, the 0-based {@code position} in the
     * expression (null when there is none), the text lines shown under the message (source and caret), and the
     * exit code.
     */
    public record Failure(String kind, String message, Integer position, List<String> detail, int exit) {
        /** A failure with no position and no lines under the message. */
        public static Failure of(String kind, String message, int exit) {
            return new Failure(kind, message, null, List.of(), exit);
        }
    }

    /** Installs the handler on {@code commandLine} and all its subcommands; returns {@code commandLine}. */
    public static CommandLine install(CommandLine commandLine) {
        ErrorHandler handler = new ErrorHandler();
        commandLine.setExecutionExceptionHandler(handler);
        commandLine.setParameterExceptionHandler(handler);
        return commandLine;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String message = oneLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched && !command.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.isUnknownOption()) {
            List<String> suggestions = unmatched.getSuggestions();
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "'"
                    + (suggestions.isEmpty() ? "" : ", did you mean " + suggestions.get(0) + "?");
        }
        boolean json = args != null && Arrays.asList(args).contains(JSON_OPTION);
        return report(command, json, Failure.of("usage", message + " (see '" + name + " --help')", ExitCode.USAGE));
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        ParseResult own = command.getParseResult();
        boolean json = own != null && own.hasMatchedOption(JSON_OPTION);
        return report(command, json, failure(ex));
    }

    /**
     * Reports the failure of {@code command}: under {@code json} one JSON object on stdout, else one line on
     * stderr prefixed by the command's name (then the detail lines); returns the exit code.
     */
    public static int report(CommandLine command, boolean json, Failure failure) {
        if (json) {
            PrintWriter out = command.getOut();
            out.println(toJson(failure));
            out.flush();
        } else {
            PrintWriter err = command.getErr();
            err.println(command.getCommandSpec().qualifiedName() + ": " + failure.message());
            failure.detail().forEach(err::println);
            err.flush();
        }
        return failure.exit();
    }

    /** The failure as the JSON text {@code {"error": {"kind", "message", "position"}}}. */
    public static String toJson(Failure failure) {
        return Json.write(new ErrorJson(new ErrorBody(failure.kind(), failure.message(), failure.position())));
    }

    /** What an exception thrown by a command means to its user (see the table above). */
    public static Failure failure(Exception ex) {
        if (ex instanceof ParseException parse) {
            // first line: what was expected at which column; then the source and the caret line, unchanged
            List<String> lines = List.of(parse.getMessage().split("\n", -1));
            if (parse.problem().startsWith("constant overflow")) { // mathematics, not a typing mistake
                return new Failure("overflow", "overflow: " + lines.get(0), parse.position(),
                        lines.subList(1, lines.size()), ExitCode.DOMAIN);
            }
            return new Failure("parse", "parse error: " + lines.get(0), parse.position(),
                    lines.subList(1, lines.size()), ExitCode.USAGE);
        } else if (ex instanceof UsageException) {
            return Failure.of("usage", ex.getMessage(), ExitCode.USAGE);
        } else if (ex instanceof NonDifferentiableException) {
            return Failure.of("not-differentiable", oneLine(ex.getMessage()), ExitCode.DOMAIN);
        } else if (isOverflow(ex)) {
            return Failure.of("overflow", "overflow: a constant of the formulas is beyond the double range"
                    + " (±1.8·10^308): " + oneLine(ex.getMessage()), ExitCode.DOMAIN);
        } else if (ex instanceof ArithmeticException) { // DomainException and the JDK's own, e.g. BigInteger's
            return Failure.of("domain", "domain error: " + oneLine(ex.getMessage()), ExitCode.DOMAIN);
        }
        return Failure.of("internal", "internal error (please report): " + oneLine(String.valueOf(ex)),
                ExitCode.INTERNAL);
    }

    /**
     * The formula engine's refusal of a constant that is not finite: folding constants can overflow
     * ({@code 1e308*x + 1e308*x} folds to ∞·x) and differentiating such a formula then refuses to build the
     * number ∞; {@code dev.nabla.symbolic.expr.Expr} throws an {@link IllegalArgumentException} ("not a finite
     * number", "constant overflow in sum", "constant overflow in product").
     */
    private static boolean isOverflow(Exception ex) {
        StackTraceElement[] trace = ex.getStackTrace();
        String message = ex.getMessage();
        return ex instanceof IllegalArgumentException && message != null
                && (message.startsWith("not a finite number") || message.startsWith("constant overflow"))
                && trace.length > 0 && trace[0].getClassName().startsWith("dev.nabla.symbolic.");
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private record ErrorJson(ErrorBody error) {
    }

    private record ErrorBody(String kind, String message, @JsonInclude(JsonInclude.Include.ALWAYS) Integer position) {
    }
}
