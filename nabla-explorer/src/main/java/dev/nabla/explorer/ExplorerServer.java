package dev.nabla.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The local web explorer: the page under {@code /}, Plotly and KaTeX under {@code /webjars/}, and the JSON API
 * under {@code /api/} (documented in docs/api.md). Every error is JSON with a 4xx status.
 */
public final class ExplorerServer {
    /** Loopback only unless asked otherwise: the explorer is a local tool. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExplorerServer.class);

    private final Limits limits;
    private final ExplorerApi api;
    private final ObjectMapper json;
    private final Semaphore evaluations;
    private Javalin app;

    public ExplorerServer() {
        this(Limits.DEFAULT);
    }

    public ExplorerServer(Limits limits) {
        this.limits = limits;
        this.api = new ExplorerApi(limits);
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());
        this.evaluations = new Semaphore(limits.maxConcurrent(), true);
    }

    /** Starts serving on host:port (port 0 picks a free port) and returns this server. */
    public synchronized ExplorerServer start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            config.routes.post("/api/parse", ctx -> respond(ctx, api::parse));
            config.routes.post("/api/analyze", ctx -> respond(ctx, api::analyze));
            config.routes.post("/api/grid", ctx -> respond(ctx, api::grid));
            config.routes.post("/api/descend", ctx -> respond(ctx, api::descend));
            config.routes.get("/favicon.ico", ctx -> ctx.redirect("/favicon.svg"));
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.kind(), e.getMessage(), e.details()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {}", ctx.path(), e);
                error(ctx, 500, "internal", "internal error: " + e.getClass().getSimpleName(), Map.of());
            });
            config.routes.error(404, ctx -> error(ctx, 404, "not-found", "no such resource: " + ctx.path(), Map.of()));
            config.routes.error(405, ctx -> error(ctx, 405, "method-not-allowed", ctx.method() + " is not allowed on " + ctx.path(), Map.of()));
            config.routes.error(413, ctx -> error(ctx, 413, "too-large", "request body over " + limits.maxBodyBytes() + " bytes", Map.of()));
        });
        app.start(host, port);
        return this;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    private <T> void respond(Context ctx, Function<Body, T> operation) throws JsonProcessingException {
        Body body = new Body(readBody(ctx));
        boolean admitted;
        try {
            admitted = evaluations.tryAcquire(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw new ApiException(503, "busy", "too many evaluations at once; try again", Map.of());
        }
        try {
            T result = operation.apply(body);
            ctx.contentType("application/json").result(json.writeValueAsString(result));
        } finally {
            evaluations.release();
        }
    }

    private JsonNode readBody(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > limits.maxBodyBytes()) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(limits.maxBodyBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limits.maxBodyBytes()) {
            throw tooLarge();
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new ApiException(400, "malformed-json", "the body is not valid JSON: " + reason, Map.of());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return node;
    }

    private ApiException tooLarge() {
        return new ApiException(413, "too-large", "request body over " + limits.maxBodyBytes() + " bytes",
                Map.of("limit", limits.maxBodyBytes()));
    }

    private void error(Context ctx, int status, String kind, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("kind", kind);
        error.put("message", message);
        error.putAll(details);
        try {
            ctx.status(status).contentType("application/json").result(json.writeValueAsString(Map.of("error", error)));
        } catch (JsonProcessingException e) {
            ctx.status(status).contentType("application/json").result("{\"error\":{\"kind\":\"" + kind + "\"}}");
        }
    }
}
