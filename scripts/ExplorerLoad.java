import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the explorer (docs/benchmarks.md, "Explorer load"). Starts {@code nabla serve} as a child JVM the way the
 * launcher should (java -Xmx512m -jar nabla-cli/target/nabla-cli.jar serve --port 0), then measures, with the
 * JDK's HttpClient only:
 * <ol>
 *   <li>/api/analyze and /api/grid at 100 concurrent clients: p50/p95/p99 latency, errors, resident memory;</li>
 *   <li>50 concurrent clients sending the worst case (a 313-character nested sin) without pause, while one client
 *       times a normal /api/analyze every 200 ms: its latencies and the peak resident memory;</li>
 *   <li>500 slow connections (headers sent, body trickling one byte a second) held open while the normal
 *       /api/analyze is timed.</li>
 * </ol>
 * Run from the repository root after building the CLI jar ({@code ./nabla --help} builds it):
 * {@code java scripts/ExplorerLoad.java [requests per endpoint, default 2000] [flood]} ({@code flood}: only the
 * second scenario, about 20 s).
 */
public final class ExplorerLoad {
    private static final String WORKED = "{\"expr\": \"x^2*sin(y) + y^3\", \"point\": [0.7, 1.2], \"direction\": [1, -2], \"normalise\": true}";
    private static final String WORST = "{\"expr\": \"" + "sin(".repeat(62) + "x*y" + ")".repeat(62) + "\", \"point\": [1, 1]}";

    private static HttpClient http;
    private static String base;
    private static long pid;

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        boolean floodOnly = args.length > 1 && args[1].equals("flood");
        Path jar = Path.of("nabla-cli/target/nabla-cli.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the CLI first: ./nabla --help");
        }
        Process server = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "serve", "--port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.contains("http://")) {
                throw new IllegalStateException("the server did not start: " + line);
            }
            base = line.substring(line.indexOf("http://"), line.indexOf('/', line.indexOf("http://") + 7));
            pid = server.pid();
            Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("  server: " + l)));
            drain.setDaemon(true);
            drain.start();
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(16, r -> {
                        Thread t = new Thread(r);
                        t.setDaemon(true);
                        return t;
                    })).build();
            System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, Java %s; server: java -Xmx512m, pid %d%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                    System.getProperty("os.arch"), System.getProperty("java.version"), pid);
            warmUp();
            if (!floodOnly) {
                throughput("analyze", requests, 100, ExplorerLoad::analyzeBody);
                throughput("grid", requests / 4, 100, k -> "{\"expr\": \"exp(x*sin(y))*ln(1 + x^2 + y^2)\", \"resolution\": 101, \"arrows\": 17}");
            }
            worstCase();
            if (!floodOnly) {
                slowClients(500);
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
        System.exit(0);
    }

    private static String analyzeBody(int k) {
        SplittableRandom r = new SplittableRandom(k);
        return String.format(Locale.ROOT, "{\"expr\": \"exp(x*sin(y))*ln(1 + x^2 + y^2)\", \"point\": [%.4f, %.4f], \"direction\": [1, -2]}",
                r.nextDouble(-2, 2), r.nextDouble(-2, 2));
    }

    private record Result(int status, long nanos) {
    }

    private static Result post(String path, String body) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Result(r.statusCode(), System.nanoTime() - t0);
        } catch (IOException | InterruptedException e) {
            return new Result(-1, System.nanoTime() - t0);
        }
    }

    private static void warmUp() throws Exception {
        runConcurrently(400, 8, k -> post("/api/analyze", analyzeBody(k)));
        runConcurrently(40, 4, k -> post("/api/grid", "{\"expr\": \"exp(x*sin(y))*ln(1 + x^2 + y^2)\", \"resolution\": 101}"));
    }

    private interface Call {
        Result call(int k);
    }

    private static List<Result> runConcurrently(int n, int clients, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong next = new AtomicLong();
        List<Future<List<Result>>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            parts.add(pool.submit(() -> {
                List<Result> mine = new ArrayList<>();
                for (long k; (k = next.getAndIncrement()) < n; ) {
                    mine.add(call.call((int) k));
                }
                return mine;
            }));
        }
        List<Result> all = new ArrayList<>();
        for (Future<List<Result>> f : parts) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    private static void throughput(String endpoint, int n, int clients, java.util.function.IntFunction<String> body) throws Exception {
        long t0 = System.nanoTime();
        List<Result> results = runConcurrently(n, clients, k -> post("/api/" + endpoint, body.apply(k)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long errors = results.stream().filter(r -> r.status() != 200).count();
        System.out.printf(Locale.ROOT, "%-8s %5d requests, %3d concurrent: %s, errors %d, %.0f requests/s, resident %s%n",
                endpoint, n, clients, percentiles(results), errors, n / seconds, resident());
    }

    private static String percentiles(List<Result> results) {
        long[] ms = results.stream().mapToLong(Result::nanos).sorted().toArray();
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                at(ms, 0.50), at(ms, 0.95), at(ms, 0.99), ms[ms.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void worstCase() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService flood = Executors.newFixedThreadPool(50);
        AtomicLong sent = new AtomicLong();
        long[] statuses = new long[600];
        for (int c = 0; c < 50; c++) {
            flood.submit(() -> {
                while (!stop.get()) {
                    Result r = post("/api/analyze", WORST);
                    sent.incrementAndGet();
                    synchronized (statuses) {
                        statuses[Math.max(0, r.status())]++;
                    }
                }
                return null;
            });
        }
        List<Result> normal = new ArrayList<>();
        long peak = 0;
        for (int k = 0; k < 50; k++) {
            Thread.sleep(200);
            normal.add(post("/api/analyze", WORKED));
            peak = Math.max(peak, residentKb());
        }
        stop.set(true);
        flood.shutdown();
        flood.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        StringBuilder seen = new StringBuilder();
        for (int s = 0; s < statuses.length; s++) {
            if (statuses[s] > 0) {
                seen.append(seen.length() == 0 ? "" : ", ").append(s == 0 ? "no answer" : s).append(": ").append(statuses[s]);
            }
        }
        System.out.printf(Locale.ROOT, "worst case: 50 clients sent %d nested-sin requests (%s); a normal analyze meanwhile "
                + "(%d requests): %s, errors %d; peak resident %d MB%n", sent.get(), seen, normal.size(), percentiles(normal),
                normal.stream().filter(r -> r.status() != 200).count(), peak / 1024);
    }

    private static void slowClients(int n) throws Exception {
        URI uri = URI.create(base);
        List<Socket> open = new ArrayList<>();
        byte[] head = ("POST /api/analyze HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + WORKED.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < n; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            OutputStream o = s.getOutputStream();
            o.write(head);
            o.write(WORKED.charAt(0));
            o.flush();
            open.add(s);
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread trickle = new Thread(() -> {
            for (int i = 1; i < WORKED.length() - 1 && !stop.get(); i++) {
                for (Socket s : open) {
                    try {
                        s.getOutputStream().write(WORKED.charAt(i));
                        s.getOutputStream().flush();
                    } catch (IOException closedByServer) {
                        // the server's idle timeout or data-rate limit closed it
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        trickle.setDaemon(true);
        trickle.start();
        List<Result> normal = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            normal.add(post("/api/analyze", WORKED));
            Thread.sleep(250);
        }
        long stillOpen = open.stream().filter(s -> !s.isClosed()).count();
        System.out.printf(Locale.ROOT, "slow clients: %d connections trickling a body at 1 byte/s; a normal analyze meanwhile "
                + "(%d requests): %s, errors %d; resident %s%n", stillOpen, normal.size(), percentiles(normal),
                normal.stream().filter(r -> r.status() != 200).count(), resident());
        stop.set(true);
        for (Socket s : open) {
            s.close();
        }
    }

    private static String resident() {
        return residentKb() / 1024 + " MB";
    }

    private static long residentKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
