package dev.nabla.cli;

import dev.nabla.cli.support.BuildInfo;
import dev.nabla.cli.support.ErrorHandler;
import dev.nabla.cli.support.StandardInput;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nabla} command. Each capability is a subcommand; register new ones in {@link #SUBCOMMANDS}.
 * Exit codes: 0 success, 1 a check failed, 2 usage or parse error, 3 domain error at the point, 4 internal
 * error (see docs/cli.md and {@link dev.nabla.cli.support.ExitCode}).
 */
@Command(name = "nabla", mixinStandardHelpOptions = true, versionProvider = Nabla.Version.class,
        description = "Gradients and directional derivatives: symbolic, automatic and numeric.")
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
        return run(System.in, out, err, args);
    }

    /** Runs the command line on the given streams ({@code -} as the expression reads {@code in}), for tests. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = command(args.length > 0 ? args[0] : null);
        ErrorHandler.install(commandLine);
        commandLine.setUnmatchedOptionsArePositionalParams(true); // "-x^2 - y^2" is an expression, not an option
        commandLine.setExpandAtFiles(false); // "@x" is a formula, not a file to read
        commandLine.setExecutionStrategy(new StandardInput(in, new CommandLine.RunLast()));
        commandLine.setOut(out);
        commandLine.setErr(err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command line with every subcommand, or, when the first argument names one, with that one only: a
     * plain evaluation then loads neither the other commands nor what they use (the JSON library, the web
     * server, the benchmark tool), which keeps startup short.
     */
    static CommandLine command(String first) {
        CommandLine commandLine = new CommandLine(new Nabla());
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (first == null || !isSubcommand(first) || name(subcommand).equals(first)) {
                commandLine.addSubcommand(instantiate(subcommand));
            }
        }
        return commandLine;
    }

    /** Every subcommand, in the order {@code nabla --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            EvalCommand.class,
            GradCommand.class,
            DirCommand.class,
            HessCommand.class,
            JacCommand.class,
            SimplifyCommand.class,
            LatexCommand.class,
            CheckCommand.class,
            LimitCommand.class,
            DiffableCommand.class,
            SubgradCommand.class,
            GradbenchCommand.class,
            ServeCommand.class,
            SteepestCommand.class,
            NormalCommand.class,
            CoordsCommand.class,
            DescendCommand.class,
            FitCommand.class,
            CompletionCommand.class);

    private static boolean isSubcommand(String word) {
        return !word.equals("help") && SUBCOMMANDS.stream().anyMatch(c -> name(c).equals(word));
    }

    private static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    private static Object instantiate(Class<?> subcommand) {
        try {
            return subcommand.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the subcommand " + subcommand.getName(), e);
        }
    }

    /** {@code nabla --version}: the version the build wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nabla " + BuildInfo.version()};
        }
    }
}
