package io.progimage.platform.control;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one deadline of a remote fetch, over every hop of its redirect chain and every phase of
 * each: the wait for a pooled connection, DNS, connect, TLS, headers and body. Socket timeouts
 * alone cannot give that: they bound each read, and a server sending one byte per read keeps
 * every read short. So a timer cancels the exchange in flight when the time is up, which closes
 * its socket and wakes the thread blocked on it, whatever phase it is in. The webhook's POST
 * (issue 14 §4) runs under one too.
 */
public final class FetchDeadline implements AutoCloseable {

    private final long endNanos;
    private final ScheduledFuture<?> timer;
    private volatile boolean expired;
    private volatile Cancellable exchange;

    public FetchDeadline(Duration total, ScheduledExecutorService timers) {
        this.endNanos = System.nanoTime() + total.toNanos();
        this.timer = timers.schedule(this::expire, total.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The exchange the timer cancels from now on (the next redirect hop replaces the previous one). */
    public void guard(Cancellable next) {
        exchange = next;
        // expire() writes expired then reads exchange; this writes exchange then reads expired:
        // with both volatile, at least one side sees the other, so a hop started late is cancelled too
        if (expired) {
            next.cancel();
        }
    }

    public boolean passed() {
        return expired || System.nanoTime() - endNanos >= 0;
    }

    public long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    /** What is left, as a client timeout (at least 1 ms: zero would mean "no timeout" to the client). */
    public Timeout remaining() {
        return Timeout.ofMilliseconds(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos())));
    }

    private void expire() {
        expired = true;
        Cancellable current = exchange;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
