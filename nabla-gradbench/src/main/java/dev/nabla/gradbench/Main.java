package dev.nabla.gradbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs Nabla as a GradBench tool: reads protocol messages from stdin and writes responses to stdout
 * ({@code java -cp ... dev.nabla.gradbench.Main}, or {@code ./nabla gradbench}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run());
    }

    /** Serves stdin until it ends; returns the exit code (0, or 1 if stdin/stdout failed). */
    public static int run() {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 20)) {
            Tool.standard().serve(in, out);
            return 0;
        } catch (IOException e) {
            System.err.println("nabla gradbench: " + e.getMessage());
            return 1;
        }
    }
}
