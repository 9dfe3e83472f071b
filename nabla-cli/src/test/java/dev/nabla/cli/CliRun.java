package dev.nabla.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the {@code nabla} command with captured streams, for tests of every subcommand:
 * {@code CliRun r = CliRun.of("grad", "x^2", "--at", "x=1"); assertThat(r.exit()).isZero();}.
 */
public record CliRun(int exit, String out, String err) {

    /** A run with an empty standard input. */
    public static CliRun of(String... args) {
        return withInput("", args);
    }

    /** A run whose standard input holds {@code stdin} (UTF-8). */
    public static CliRun withInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int exit = Nabla.run(in, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The lines of stderr (no trailing empty line). */
    public String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }
}
