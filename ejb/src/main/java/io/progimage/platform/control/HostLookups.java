package io.progimage.platform.control;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DNS lookups that a fetch can walk away from at its deadline. The JDK's resolver cannot be
 * interrupted or given a timeout (a slow name server holds the caller for the system resolver's
 * own retries, tens of seconds), so the lookup runs on one of a few threads of its own and the
 * fetch waits only for what is left of its deadline. A lookup abandoned that way ends when the
 * system resolver gives up; it holds no socket of ours. Shared by the remote fetch and the
 * webhook's callback (issue 14 §4), which follow the same address rules.
 */
public final class HostLookups implements AutoCloseable {

    /** Names that resolve at once are most; this many slow ones at a time, the rest queue. */
    private static final int THREADS = 8;

    /** Thrown when the deadline came before the answer; the fetch reports it as its timeout. */
    public static final class TooLate extends UnknownHostException {
        public TooLate(String host) {
            super(host);
        }
    }

    private final ThreadPoolExecutor threads;

    public HostLookups() {
        AtomicInteger count = new AtomicInteger();
        threads = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "remote-file-lookup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.allowCoreThreadTimeOut(true);
    }

    public InetAddress[] resolve(String host, FetchDeadline deadline) throws UnknownHostException {
        Future<InetAddress[]> lookup = threads.submit(() -> SystemDefaultDnsResolver.INSTANCE.resolve(host));
        try {
            return lookup.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true); // still queued: it never runs
            throw new TooLate(host);
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new TooLate(host);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            UnknownHostException failed = new UnknownHostException(host);
            failed.initCause(e.getCause());
            throw failed;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
