package dev.nabla.cli;

import dev.nabla.explorer.ExplorerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nabla serve}: starts the local web explorer and prints its URL; runs until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web explorer (contours, gradient field, directional derivatives, level sets, descent).")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "port to listen on (0 picks a free one; default ${DEFAULT-VALUE})")
    int port = ExplorerServer.DEFAULT_PORT;

    @Option(names = "--host", description = "address to bind (default ${DEFAULT-VALUE}: this machine only)")
    String host = ExplorerServer.DEFAULT_HOST;

    @Override
    public Integer call() throws InterruptedException {
        ExplorerServer server;
        try {
            server = new ExplorerServer().start(host, port);
        } catch (RuntimeException e) {
            System.err.println("nabla serve: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        String shown = host.contains(":") ? "[" + host + "]" : host;
        System.out.println("Nabla explorer: http://" + shown + ":" + server.port() + "/  (Ctrl+C to stop)");
        System.out.flush();
        stopped.await();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
