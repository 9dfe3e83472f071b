package dev.nabla.explorer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a request's body before the (blocking) application sees it, without holding a thread while the body
 * arrives: Jetty calls back when bytes come. A body that stalls for the idle timeout, or is not complete within
 * {@code deadlineMillis}, is answered 408 {@code timeout} and its connection closed; a body over {@code maxBytes}
 * is handed on as far as the limit, and the application answers 413. So a slow sender costs a connection and at
 * most {@code maxBytes}, never a thread.
 */
final class BodyFirstHandler extends Handler.Wrapper {
    private final int maxBytes;
    private final long deadlineMillis;

    BodyFirstHandler(int maxBytes, long deadlineMillis) {
        this.maxBytes = maxBytes;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long declared = request.getLength();
        boolean body = declared > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (!body || declared > maxBytes) {
            return next.handle(request, response, callback);
        }
        new Loader(next, request, response, callback).start();
        return true;
    }

    /** Collects one body, then hands the request on with the body replayed from memory. */
    private final class Loader implements Runnable {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean finished = new AtomicBoolean();
        private byte[] bytes = new byte[1024];
        private int size;
        private Scheduler.Task deadline;

        Loader(Handler next, Request request, Response response, Callback callback) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(
                    () -> refuse("the request body did not arrive within " + deadlineMillis + " ms"),
                    deadlineMillis, TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more comes. */
        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // the idle timeout, or the client went away
                    refuse("the request body stalled: " + chunk.getFailure().getClass().getSimpleName());
                    return;
                }
                append(chunk.getByteBuffer());
                boolean last = chunk.isLast();
                chunk.release();
                if (last || size > maxBytes) {
                    dispatch();
                    return;
                }
            }
        }

        private void append(ByteBuffer b) {
            int n = b.remaining();
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
            b.get(bytes, size, n);
            size += n;
        }

        private void dispatch() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            Request replay = new Request.Wrapper(request) {
                private boolean served;

                @Override
                public Content.Chunk read() {
                    if (served) {
                        return Content.Chunk.EOF;
                    }
                    served = true;
                    return Content.Chunk.from(ByteBuffer.wrap(bytes, 0, size), true);
                }

                @Override
                public void demand(Runnable demandCallback) {
                    demandCallback.run();
                }
            };
            try {
                if (!next.handle(replay, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }

        private void refuse(String message) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            response.setStatus(408);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            String json = "{\"error\":{\"kind\":\"timeout\",\"message\":\"" + message + "\"}}";
            response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}
