package dev.nabla.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The training run behind the launcher's startup cache: a few typical calculator-like commands, whose loaded
 * classes the JVM then archives (class-data sharing, or the AOT cache on JDK 24 and later). Not a command.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    public static void main(String[] args) {
        String f = "x^2*sin(y) + y^3";
        String[][] commands = {
                {"eval", "x", "--at", "x=1"},
                {"eval", f, "--at", "x=0.7,y=1.2"},
                {"grad", f, "--at", "x=0.7,y=1.2", "--dir", "1,-2"},
                {"dir", f, "--at", "x=0.7,y=1.2", "--dir", "1,-2"},
                {"hess", f, "--at", "x=0.7,y=1.2"},
                {"simplify", "x*x + 2*x*x"},
                {"grad", f, "--at", "x=0.7,y=1.2", "--json"},
                {"eval", "log(x)", "--at", "x=-1"},
                {"--version"},
        };
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (String[] command : commands) {
            Nabla.run(sink, sink, command);
        }
    }
}
