package dev.nabla.cli.support;

/** The exit codes shared by every {@code nabla} command (see docs/cli.md). */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** A check ran and its verdict is negative (only for commands that are checks). */
    public static final int CHECK_FAILED = 1;
    /** Usage error: unknown option, missing argument, bad point or vector, parse error in an expression. */
    public static final int USAGE = 2;
    /** The field is undefined at the point (log of a non-positive number, division by zero, …). */
    public static final int DOMAIN = 3;
    /** An unexpected failure inside Nabla: a bug, reported in one line. */
    public static final int INTERNAL = 4;

    private ExitCode() {
    }
}
