package dev.nabla.cli;

import dev.nabla.cli.support.ExitCode;
import dev.nabla.cli.support.Output;
import dev.nabla.cli.support.UsageException;
import dev.nabla.explorer.ExplorerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nabla serve}: starts the local web explorer, prints its URL and serves until interrupted (Ctrl+C). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the web explorer: contours and gradient field, directional derivatives, level sets, "
                + "Hessian, differentiability and Clarke sets, descent runs. The JSON API is in docs/api.md.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;
    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default ${DEFAULT-VALUE}).")
    private int port = ExplorerServer.DEFAULT_PORT;
    @Option(names = "--host", description = "Address to bind (default ${DEFAULT-VALUE}: this machine only).")
    private String host = ExplorerServer.DEFAULT_HOST;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        ExplorerServer server;
        try {
            server = new ExplorerServer().start(host, port);
        } catch (RuntimeException e) {
            throw new UsageException("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        Output.of(spec).line("Nabla explorer: http://" + shownHost + ":" + server.port() + "/  (Ctrl+C to stop)");
        stopped.await();
        return ExitCode.OK;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
