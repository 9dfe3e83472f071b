package dev.nabla.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code nabla gradbench}: runs Nabla as a GradBench tool, speaking the protocol (one JSON message per line)
 * on stdin and stdout until stdin ends. See docs/gradbench.md.
 */
@Command(name = "gradbench", mixinStandardHelpOptions = true,
        description = {"Run Nabla as a GradBench tool: JSON protocol messages on stdin, responses on stdout.",
            "Evals: hello lse llsq det gmm kmeans ode particle saddle lstm ba ht (see docs/gradbench.md)."})
public final class GradbenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return dev.nabla.gradbench.Main.run();
    }
}
