package dev.nabla.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nabla} command. Each capability is a subcommand; register new ones in {@code subcommands}.
 * Exit codes: 0 success, 2 usage or parse error, 3 domain error at the point (see docs/cli.md).
 */
@Command(name = "nabla", mixinStandardHelpOptions = true, version = "nabla 0.1.0",
        description = "Gradients and directional derivatives: symbolic, automatic and numeric.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ServeCommand.class,
        })
public final class Nabla {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (no System.exit), for tests. */
    public static int run(String... args) {
        return new CommandLine(new Nabla()).execute(args);
    }
}
