package dev.nabla.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final Admission admission;
    private Javalin app;

    public ExplorerServer() {
        this(Limits.DEFAULT);
    }

    public ExplorerServer(Limits limits) {
        this.limits = limits;
        this.api = new ExplorerApi(limits);
        this.json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build());
        this.admission = new Admission(limits.maxConcurrent(), limits.maxQueued(), limits.maxWaitMillis());
    }

    /** The limits this server enforces. */
    public Limits limits() {
        return limits;
    }

    /**
     * Starts serving on host:port (port 0 picks a free port) and returns this server. Request bodies are read
     * without holding a thread ({@link BodyFirstHandler}), so slow senders cost a connection each, not a thread;
     * connections idle for {@link Limits#idleTimeoutMillis()} are closed.
     */
    public synchronized ExplorerServer start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("already started");
        }
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.staticFiles.add("/public", Location.CLASSPATH);
            config.staticFiles.enableWebjars();
            // a body must arrive within three idle timeouts in all, however steadily it trickles
            config.jetty.modifyServer(server -> server.setHandler(
                    new BodyFirstHandler(limits.maxBodyBytes(), 3L * limits.idleTimeoutMillis())));
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(limits.idleTimeoutMillis()));
            config.routes.post("/api/parse", ctx -> respond(ctx, api::parse));
            config.routes.post("/api/analyze", ctx -> respond(ctx, api::analyze, api::refuseKnownAnalysis));
            config.routes.post("/api/grid", ctx -> respond(ctx, api::grid));
            config.routes.post("/api/descend", ctx -> respond(ctx, api::descend));
            config.routes.post("/api/slice", ctx -> respond(ctx, api::slice));
            config.routes.post("/api/check", ctx -> respond(ctx, api::check));
            config.routes.post("/api/steps", ctx -> respond(ctx, api::steps));
            config.routes.post("/api/polar", ctx -> respond(ctx, api::polar));
            config.routes.post("/api/volume", ctx -> respond(ctx, api::volume));
            config.routes.get("/favicon.ico", ctx -> ctx.redirect("/favicon.svg"));
            config.routes.get("/api/messages", ctx -> {
                String lang = ctx.queryParam("lang") == null ? "en" : ctx.queryParam("lang");
                if (!Messages.LANGUAGES.contains(lang)) {
                    throw ApiException.badRequest("'lang' must be one of " + Messages.LANGUAGES + ", got '" + lang + "'");
                }
                ctx.contentType("application/json").result(serialise(
                        new Messages.Answer(lang, Messages.LANGUAGES, Messages.of(lang))));
            });
            config.routes.exception(ApiException.class, (e, ctx) -> {
                if (e.status() == 503) {
                    ctx.header("Retry-After", String.valueOf(Admission.RETRY_AFTER_SECONDS));
                }
                error(ctx, e.status(), e.kind(), e.getMessage(), e.details());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {}", ctx.path(), e);
                error(ctx, 500, "internal", "internal error: " + e.getClass().getSimpleName(), Map.of());
            });
            config.routes.error(404, ctx -> error(ctx, 404, "not-found", "no such resource: " + ctx.path(), Map.of()));
            config.routes.error(405, ctx -> error(ctx, 405, "method-not-allowed", ctx.method() + " is not allowed on "
                    + ctx.path() + "; the API takes POST", Map.of()));
            config.routes.error(413, ctx -> error(ctx, 413, "too-large", "request body over " + limits.maxBodyBytes()
                    + " bytes", Map.of("limit", limits.maxBodyBytes())));
        });
        app.start(host, port);
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof AbstractConnector connector) {
                connector.setIdleTimeout(limits.idleTimeoutMillis());
            }
        }
        return this;
    }

    /** The queue every evaluation goes through. */
    Admission admission() {
        return admission;
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

    private <T> void respond(Context ctx, Function<Body, T> operation) {
        respond(ctx, operation, body -> { });
    }

    /** Answers with the operation's result; {@code atTheDoor} may refuse the request before it waits for a turn. */
    private <T> void respond(Context ctx, Function<Body, T> operation, java.util.function.Consumer<Body> atTheDoor) {
        Body body = new Body(readBody(ctx));
        atTheDoor.accept(body);
        byte[] answer = admission.run(() -> serialise(operation.apply(body)));
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(answer);
            out.flush();
        } catch (IOException gone) {
            // nothing to answer and nothing wrong with the server: one line, no stack trace
            LOG.warn("{} {}: the client went away before its answer was sent ({})", ctx.method(), ctx.path(),
                    gone.getClass().getSimpleName());
        }
    }

    /** The answer as JSON bytes, or a 422 {@code too-large} naming the limit when it is larger than allowed. */
    private byte[] serialise(Object answer) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limits.maxResponseBytes()) {
            throw new ApiException(422, "too-large", "the answer would be " + bytes.length + " bytes; the limit is "
                    + limits.maxResponseBytes(), Map.of("limit", limits.maxResponseBytes()));
        }
        return bytes;
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
            throw new ApiException(400, "bad-request", "the body could not be read: " + e.getMessage(), Map.of());
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
