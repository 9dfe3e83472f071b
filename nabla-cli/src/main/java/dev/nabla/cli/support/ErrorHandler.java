package dev.nabla.cli.support;

import dev.nabla.core.field.DomainException;
import dev.nabla.core.field.NonDifferentiableException;
import dev.nabla.symbolic.ParseException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps every failure to an exit code and one clear line on stderr, prefixed by the command's name; a parse
 * error adds the expression and a caret line under the failing column. Never prints a stack trace.
 *
 * <table>
 *   <caption>failures and exit codes</caption>
 *   <tr><td>picocli usage error, {@link UsageException}, {@link ParseException}</td><td>{@link ExitCode#USAGE}</td></tr>
 *   <tr><td>{@link DomainException}, {@link NonDifferentiableException}</td><td>{@link ExitCode#DOMAIN}</td></tr>
 *   <tr><td>anything else (a bug)</td><td>{@link ExitCode#INTERNAL}</td></tr>
 * </table>
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

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
        command.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        command.getErr().flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String prefix = command.getCommandSpec().qualifiedName() + ": ";
        int code;
        if (ex instanceof ParseException parse) {
            // first line: what was expected at which column; then the source and the caret line, unchanged
            String[] lines = parse.getMessage().split("\n", -1);
            err.println(prefix + "parse error: " + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                err.println(lines[i]);
            }
            code = ExitCode.USAGE;
        } else if (ex instanceof UsageException) {
            err.println(prefix + ex.getMessage());
            code = ExitCode.USAGE;
        } else if (ex instanceof DomainException) {
            err.println(prefix + "domain error: " + oneLine(ex.getMessage()));
            code = ExitCode.DOMAIN;
        } else if (ex instanceof NonDifferentiableException) {
            err.println(prefix + oneLine(ex.getMessage()));
            code = ExitCode.DOMAIN;
        } else {
            err.println(prefix + "internal error (please report): " + oneLine(String.valueOf(ex)));
            code = ExitCode.INTERNAL;
        }
        err.flush();
        return code;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
