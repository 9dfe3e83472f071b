package dev.nabla.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code nabla} command with captured streams, for tests of every subcommand:
 * {@code CliRun r = CliRun.of("grad", "x^2", "--at", "x=1"); assertThat(r.exit()).isZero();}.
 */
public record CliRun(int exit, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Nabla.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The lines of stderr (no trailing empty line). */
    public String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }
}
