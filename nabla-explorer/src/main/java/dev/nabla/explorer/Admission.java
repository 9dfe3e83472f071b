package dev.nabla.explorer;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounded concurrent work: at most {@code running} evaluations at once, at most {@code queued} more waiting (first
 * come, first served) for at most {@code maxWaitMillis}; any request beyond is refused at once with 503
 * {@code busy} and a Retry-After, so that a flood of requests costs the server a queue slot each, not a thread
 * each and not memory.
 */
final class Admission {
    /** Seconds a refused client is asked to wait (the Retry-After header). */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore running;
    private final int maxQueued;
    private final long maxWaitMillis;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int running, int maxQueued, long maxWaitMillis) {
        this.running = new Semaphore(running, true);
        this.maxQueued = maxQueued;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** Runs the work when its turn comes, or throws a 503 {@code busy} {@link ApiException}. */
    <T> T run(Supplier<T> work) {
        if (!running.tryAcquire()) {
            if (waiting.incrementAndGet() > maxQueued) {
                waiting.decrementAndGet();
                throw busy("the queue is full (" + maxQueued + " requests waiting)");
            }
            boolean admitted;
            try {
                admitted = running.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                admitted = false;
            } finally {
                waiting.decrementAndGet();
            }
            if (!admitted) {
                throw busy("no turn within " + maxWaitMillis + " ms");
            }
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    /** Requests waiting for a turn now. */
    int waiting() {
        return waiting.get();
    }

    private static ApiException busy(String why) {
        return new ApiException(503, "busy", "the server is busy: " + why + "; retry in "
                + RETRY_AFTER_SECONDS + " s", Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }
}
