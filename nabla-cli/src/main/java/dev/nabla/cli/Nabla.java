package dev.nabla.cli;

import dev.nabla.cli.support.ErrorHandler;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nabla} command. Each capability is a subcommand; register new ones in {@code subcommands}.
 * Exit codes: 0 success, 1 a check failed, 2 usage or parse error, 3 domain error at the point, 4 internal
 * error (see docs/cli.md and {@link dev.nabla.cli.support.ExitCode}).
 */
@Command(name = "nabla", mixinStandardHelpOptions = true, version = "nabla 0.1.0",
        description = "Gradients and directional derivatives: symbolic, automatic and numeric.",
        subcommands = {
                CommandLine.HelpCommand.class,
                EvalCommand.class,
                GradCommand.class,
                DirCommand.class,
                HessCommand.class,
                JacCommand.class,
                SimplifyCommand.class,
                LatexCommand.class,
                GradbenchCommand.class,
                ServeCommand.class,
                SteepestCommand.class,
                NormalCommand.class,
                CoordsCommand.class,
                DescendCommand.class,
        })
public final class Nabla {

    public static void main(String[] args) {
        // UTF-8 whatever the locale: the output uses ∇, ·, ‖ and friends
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs the command line on stdout/stderr and returns the exit code (no System.exit). */
    public static int run(String... args) {
        return run(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs the command line writing to the given streams and returns the exit code, for tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = ErrorHandler.install(new CommandLine(new Nabla()));
        commandLine.setUnmatchedOptionsArePositionalParams(true); // "-x^2 - y^2" is an expression, not an option
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
