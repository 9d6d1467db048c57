package io.progimage.imaging.control;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two independent parts of one job, the second offered to a helper thread: a
 * single upload then uses both cores where its work splits (a filter over the
 * two halves of the image, the main JPEG beside the thumbnail and the mini).
 * Whichever thread gets to the second part first runs it, so a busy or absent
 * executor only makes the job sequential, never makes it wait for a thread.
 */
final class Split {

    private Split() {
    }

    interface Part<T> {
        T run() throws ImageRejectedException;
    }

    /** Runs both parts, the second possibly on {@code helper} (null: here); returns the second's result. */
    static <T> T both(Executor helper, Runnable first, Part<T> second) throws ImageRejectedException {
        if (helper == null) {
            first.run();
            return second.run();
        }
        AtomicBoolean claimed = new AtomicBoolean();
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable offered = () -> {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(second.run());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            }
        };
        try {
            helper.execute(offered);
        } catch (RejectedExecutionException e) {
            // runs here below
        }
        try {
            first.run();
        } catch (RuntimeException | Error e) {
            if (!claimed.compareAndSet(false, true)) {
                result.exceptionally(t -> null).join(); // the job's memory is in use until both are done
            }
            throw e;
        }
        if (claimed.compareAndSet(false, true)) {
            return second.run();
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ImageRejectedException rejected) {
                throw rejected;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** {@code work(from, to)} over {@code [0, n)} in two halves, the second offered to {@code helper}. */
    static void halves(Executor helper, int n, java.util.function.BiConsumer<Integer, Integer> work) {
        if (helper == null || n < 2) {
            work.accept(0, n);
            return;
        }
        int mid = n / 2;
        try {
            both(helper, () -> work.accept(0, mid), () -> {
                work.accept(mid, n);
                return null;
            });
        } catch (ImageRejectedException e) {
            throw new IllegalStateException(e); // the work of a filter refuses nothing
        }
    }
}
