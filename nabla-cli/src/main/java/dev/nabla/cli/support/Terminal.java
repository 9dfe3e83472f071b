package dev.nabla.cli.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal, so that progress bars are drawn only where a person watches them. */
public final class Terminal {

    private Terminal() {
    }

    /**
     * True when standard error is a terminal. The launcher tells the JVM (system property
     * {@code nabla.stderr.tty}, from the shell's {@code [ -t 2 ]}); without it, Linux's
     * {@code /proc/self/fd/2} is read; otherwise false. ({@code System.console()} looks at stdin and stdout,
     * so it says nothing about a redirected stderr.)
     */
    public static boolean stderrIsTerminal() {
        String told = System.getProperty("nabla.stderr.tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
