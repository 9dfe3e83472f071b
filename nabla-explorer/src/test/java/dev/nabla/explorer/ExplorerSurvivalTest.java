package dev.nabla.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hostile client cannot take the server down: no request gets a 500, amplification is bounded, slow and vanishing
 * clients cost a connection each and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerSurvivalTest extends RunningServer {
    /** The worst case: 313 characters whose Hessian prints to half a million terms. */
    static final String NESTED_SIN = "sin(".repeat(62) + "x*y" + ")".repeat(62);

    private record Answer(int status, Map<String, List<String>> headers, JsonNode body, int bytes) {
        JsonNode error() {
            return body.get("error");
        }
    }

    private Answer post(ExplorerServer to, String path, Object body) {
        try {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            return new Answer(r.statusCode(), r.headers().map(), json.readTree(r.body()), r.body().length());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private Answer analyze(String expr, double... point) {
        return post(server, "/api/analyze", Map.of("expr", expr, "point", point));
    }

    /** The five kinds of request that used to get HTTP 500, with what each gets now. */
    static Stream<Arguments> formerInternalErrors() {
        return Stream.of(
                // the value overflows: a 422 naming the sub-expression, not "internal error: IllegalArgumentException"
                Arguments.of("exp(x)", new double[] {710, 0}, 422, "overflow"),
                Arguments.of("exp(x) - exp(1.5*x)", new double[] {710, 0}, 422, "domain"),
                // f is finite, ∇f and the Hessian overflow (the eigen-solver used to throw): a normal answer
                Arguments.of("exp(x^2)", new double[] {26.6, 0}, 200, null),
                // a constant beyond the double range while differentiating
                Arguments.of("x^1e308*2", new double[] {1, 1}, 422, "overflow"),
                // a tower x^x^…^x of 25 levels: its derivatives are too large to print
                Arguments.of(String.join("^", java.util.Collections.nCopies(25, "x")), new double[] {1, 1}, 422, "too-large"),
                // ∇f is 0·∞ far out: the interpreter says where
                Arguments.of("1/(1 + exp(x))", new double[] {800, 1}, 422, "domain"),
                Arguments.of(NESTED_SIN, new double[] {1, 1}, 422, "too-large"));
    }

    @ParameterizedTest
    @MethodSource("formerInternalErrors")
    void formerInternalErrorsAreAnswersOrJson4xx(String expr, double[] point, int status, String kind) {
        Answer a = analyze(expr, point);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
        if (kind != null) {
            assertThat(a.error().get("kind").textValue()).isEqualTo(kind);
            assertThat(a.error().get("message").textValue()).isNotBlank().doesNotContain("Exception");
        }
    }

    @Test
    void anOverflowingValueNamesTheSubExpressionAndThePoint() {
        Answer a = analyze("x^2 + exp(x)", 710, 0);
        assertThat(a.error().get("subExpression").textValue()).isEqualTo("exp(x)");
        assertThat(a.error().get("message").textValue()).contains("exp(x) = ∞").contains("(710, 0)");
        assertThat(a.error().get("point").get(0).doubleValue()).isEqualTo(710);
    }

    @Test
    void infinitiesAreSentAsStringsAndTheHessianSaysSo() {
        // f(26.6, 0) = e^707.56 ≈ 1.9e307 is finite; f_x = 2x·f ≈ 1.0e309 is not
        Answer a = analyze("exp(x^2)", 26.6, 0);
        assertThat(a.body().get("value").isNumber()).isTrue();
        assertThat(a.body().at("/gradient/values/0").textValue()).isEqualTo("Infinity");
        assertThat(a.body().at("/gradient/norm").textValue()).isEqualTo("Infinity");
        assertThat(a.body().at("/hessian/reason").textValue()).contains("beyond the double range");
        assertThat(a.body().get("classification").isNull()).isTrue();
    }

    @Test
    void theNestedSinIsRefusedNamingTheLimitInsteadOfPrintingMegabytes() {
        Answer a = analyze(NESTED_SIN, 1, 1);
        assertThat(NESTED_SIN).hasSize(313);
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.error().get("limit").intValue()).isEqualTo(Limits.DEFAULT.maxFormulaTerms());
        assertThat(a.error().get("message").textValue()).contains("the Hessian").contains("terms");
        assertThat(a.bytes()).isLessThan(1000);
        // the printed size is counted on the DAG: the Hessian really is that large
        long terms = PrintBudget.printedTerms(dev.nabla.symbolic.Formula.parse(NESTED_SIN, Expressions.VARIABLES)
                .hessianFormulas().get(0).get(0).expression());
        assertThat(terms).isGreaterThan(Limits.DEFAULT.maxFormulaTerms());
    }

    @Test
    void theTermCountIsTheSizeOfThePrintedTree() {
        // x*y + sin(x*y): the DAG shares x*y, the printed tree writes it twice: + (1), * x y (3), sin (1) * x y (3)
        dev.nabla.symbolic.Formula f = dev.nabla.symbolic.Formula.parse("x*y + sin(x*y)", Expressions.VARIABLES);
        assertThat(f.expression().size()).isEqualTo(5);
        assertThat(PrintBudget.printedTerms(f.expression())).isEqualTo(8);
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedNamingIt() {
        Limits small = Limits.DEFAULT;
        small = new Limits(small.maxBodyBytes(), small.maxExpressionChars(), small.maxDepth(), small.maxNodes(),
                small.maxGridResolution(), small.maxArrows(), small.maxIterations(), small.maxFormulaTerms(), 4096,
                small.maxConcurrent(), small.maxQueued(), small.maxWaitMillis(), small.idleTimeoutMillis());
        ExplorerServer tight = new ExplorerServer(small).start("127.0.0.1", 0);
        try {
            Answer grid = post(tight, "/api/grid", Map.of("expr", "x*y", "resolution", 101));
            assertThat(grid.status()).isEqualTo(422);
            assertThat(grid.error().get("kind").textValue()).isEqualTo("too-large");
            assertThat(grid.error().get("limit").intValue()).isEqualTo(4096);
            assertThat(post(tight, "/api/grid", Map.of("expr", "x*y", "resolution", 5, "arrows", 2)).status()).isEqualTo(200);
        } finally {
            tight.stop();
        }
    }

    @Test
    void anAnalysisRefusedAsTooLargeIsRefusedAgainAtTheDoorWithoutWaitingForATurn() throws Exception {
        ExplorerServer one = new ExplorerServer(Limits.DEFAULT.withConcurrency(1, 0)).start("127.0.0.1", 0);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService occupant = Executors.newSingleThreadExecutor();
        try {
            Map<String, Object> worst = Map.of("expr", NESTED_SIN, "point", new double[] {1, 1});
            assertThat(post(one, "/api/analyze", worst).status()).isEqualTo(422);
            // every turn taken and no queue: a request that needs a turn is 503 …
            Future<?> held = occupant.submit(() -> one.admission().run(() -> {
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();
            assertThat(post(one, "/api/analyze", Map.of("expr", "x*y", "point", new double[] {1, 1})).status())
                    .isEqualTo(503);
            // … but the known refusal, at another point, is answered at once, as it was the first time
            Answer again = post(one, "/api/analyze", Map.of("expr", NESTED_SIN, "point", new double[] {0.5, 2}));
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.error().get("kind").textValue()).isEqualTo("too-large");
            assertThat(again.error().get("limit").intValue()).isEqualTo(Limits.DEFAULT.maxFormulaTerms());
            release.countDown();
            held.get();
        } finally {
            release.countDown();
            occupant.shutdown();
            one.stop();
        }
    }

    @Test
    void pastTheQueueItIs503WithRetryAfter() throws Exception {
        ExplorerServer one = new ExplorerServer(Limits.DEFAULT.withConcurrency(1, 0)).start("127.0.0.1", 0);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService occupant = Executors.newSingleThreadExecutor();
        try {
            // take the only turn with work of our own, then ask
            Future<?> held = occupant.submit(() -> one.admission().run(() -> {
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();
            Answer busy = post(one, "/api/parse", Map.of("expr", "x*y"));
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.error().get("kind").textValue()).isEqualTo("busy");
            assertThat(busy.headers().get("retry-after")).containsExactly(String.valueOf(Admission.RETRY_AFTER_SECONDS));
            release.countDown();
            held.get();
            assertThat(post(one, "/api/parse", Map.of("expr", "x*y")).status()).isEqualTo(200);
        } finally {
            release.countDown();
            occupant.shutdown();
            one.stop();
        }
    }

    @Test
    void theQueueAdmitsUpToItsLengthInOrderAndNoMore() throws Exception {
        Admission admission = new Admission(1, 2, 60_000);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            Future<String> first = clients.submit(() -> admission.run(() -> {
                started.countDown();
                await(release);
                return "first";
            }));
            started.await();
            Future<String> second = clients.submit(() -> admission.run(() -> "second"));
            Future<String> third = clients.submit(() -> admission.run(() -> "third"));
            while (admission.waiting() < 2) {
                Thread.onSpinWait();
            }
            // two wait; the fourth finds the queue full and is refused at once
            assertThatThrownBy(() -> admission.run(() -> "fourth")).isInstanceOf(ApiException.class)
                    .hasMessageContaining("queue is full");
            release.countDown();
            assertThat(List.of(first.get(), second.get(), third.get())).containsExactly("first", "second", "third");
        } finally {
            release.countDown();
            clients.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void fiftyConcurrentWorstCasesAreRefusedAndANormalRequestStillAnswers() throws Exception {
        ExecutorService flood = Executors.newFixedThreadPool(50);
        try {
            List<Future<Answer>> worst = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                worst.add(flood.submit(() -> analyze(NESTED_SIN, 1, 1)));
            }
            Answer normal = analyze("x^2*sin(y) + y^3", 0.7, 1.2);
            assertThat(normal.status()).isEqualTo(200);
            for (Future<Answer> w : worst) {
                assertThat(w.get().status()).isIn(422, 503);
            }
        } finally {
            flood.shutdown();
        }
    }

    @Test
    void slowSendersHoldNoThreadAndANormalRequestStillAnswers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // 500 connections that send their headers and one byte of a 100-byte body, then nothing
            for (int i = 0; i < 500; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                OutputStream o = s.getOutputStream();
                o.write(("POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                slow.add(s);
            }
            // more than Jetty's whole thread pool is stuck in bodies; an ordinary request is not stuck behind them
            Answer normal = analyze("x^2*sin(y) + y^3", 0.7, 1.2);
            assertThat(normal.status()).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void anIdleConnectionIsClosedByTheServer() throws Exception {
        Limits quick = new Limits(Limits.DEFAULT.maxBodyBytes(), 2000, 64, 5000, 241, 41, 10_000, 20_000,
                4 << 20, 2, 8, 1000, 300);
        ExplorerServer impatient = new ExplorerServer(quick).start("127.0.0.1", 0);
        try (Socket s = new Socket("127.0.0.1", impatient.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("POST /api/parse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            // the server gives up on the body, answers 408 and closes: the read ends
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"kind\":\"timeout\"");
        } finally {
            impatient.stop();
        }
    }

    @Test
    void aClientThatDisconnectsIsLoggedWithoutAStackTrace() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // ask for a large grid and hang up before reading the answer, many times over
            for (int i = 0; i < 20; i++) {
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    s.setSoLinger(true, 0);
                    String body = "{\"expr\": \"exp(x*sin(y))*ln(1 + x^2 + y^2)\", \"resolution\": 241, \"arrows\": 41}";
                    s.getOutputStream().write(("POST /api/grid HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read();
                }
            }
            // the server is still well, and what it logged has no stack trace
            assertThat(analyze("x*y", 1, 1).status()).isEqualTo(200);
            Thread.sleep(200);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception:");
        // 20 answers of about 1.5 MB each, the client gone after the first byte: some writes must fail
        assertThat(log).contains("the client went away before its answer was sent");
    }
}
