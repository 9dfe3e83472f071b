package dev.nabla.cli.support;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where a command writes: results to stdout, warnings to stderr as one line prefixed by the command's name
 * ({@code nabla grad: warning: …}). Create one per call with {@code Output.of(spec)} from an
 * {@code @Spec CommandSpec spec} field, so that tests can capture both streams.
 */
public final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final String name;

    private Output(PrintWriter out, PrintWriter err, String name) {
        this.out = out;
        this.err = err;
        this.name = name;
    }

    public static Output of(CommandSpec spec) {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), spec.qualifiedName());
    }

    /** One line of the result. */
    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /** The result as JSON, with Nabla's version and the schema version first (see {@link Json#writeResult}). */
    public void json(Object value) {
        line(Json.writeResult(value));
    }

    /** A warning on stderr; the exit code is not changed. */
    public void warning(String message) {
        err.println(name + ": warning: " + message);
        err.flush();
    }
}
