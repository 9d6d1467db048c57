package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the heap the jobs running at once may hold, so that many large uploads
 * queue instead of exhausting the heap: one permit per {@value #BYTES_PER_PIXEL}
 * MB (a megapixel of source at the decoding margin), the pool sized from the
 * maximum heap.
 *
 * <p>A job holds its permits from just after the header check until its JPEGs
 * are encoded, and reserves its own peak as {@link JobPlan} computes it: the
 * decoded image, the rotated canvas, the filter's copy, thumbnail, mini and the
 * encoders' output buffers. A job larger than the whole pool takes the whole
 * pool (it then runs alone) rather than waiting forever.
 */
public final class MemoryBudget {

    /**
     * Heap a job may need per source pixel at its peak: the decoded image and
     * the rotated copy (4 bytes each), plus decoder buffers and the filter's
     * border copy. Measured peaks are lower (docs/performance.md); this is the
     * margin.
     */
    static final int BYTES_PER_PIXEL = 12;

    /** Share of the maximum heap given to images; the rest is for the server. */
    static final double HEAP_SHARE = 0.5;

    /** How long a job queues for memory when nothing says otherwise. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final Semaphore permits;
    private final int totalMegapixels;
    private final Duration maxWait;

    /** A budget of {@code megapixels} permits; at least one. */
    public MemoryBudget(int megapixels) {
        this(megapixels, DEFAULT_WAIT);
    }

    /**
     * A budget whose jobs queue at most {@code maxWait} for their permits, then are refused as
     * {@link Reason#BUSY}: a saturated node answers (503) instead of holding requests without end.
     */
    public MemoryBudget(int megapixels, Duration maxWait) {
        this.totalMegapixels = Math.max(1, megapixels);
        this.permits = new Semaphore(totalMegapixels, true);
        this.maxWait = maxWait;
    }

    /** Half of {@code Runtime.maxMemory()}, at {@value #BYTES_PER_PIXEL} bytes per pixel. */
    public static MemoryBudget fromHeap(Duration maxWait) {
        long bytes = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
        return new MemoryBudget((int) Math.min(Integer.MAX_VALUE, bytes / BYTES_PER_PIXEL / 1_000_000L), maxWait);
    }

    public int totalMegapixels() {
        return totalMegapixels;
    }

    public int availableMegapixels() {
        return permits.availablePermits();
    }

    /** Jobs waiting for their permits now (for tests and diagnostics). */
    int queued() {
        return permits.getQueueLength();
    }

    /** Waits (at most the budget's wait) until {@code pixels} of source at {@value #BYTES_PER_PIXEL} bytes each fit. */
    public Permit acquire(long pixels) throws ImageRejectedException {
        return reserve(pixels > Long.MAX_VALUE / BYTES_PER_PIXEL ? Long.MAX_VALUE : pixels * BYTES_PER_PIXEL);
    }

    /** Waits (at most the budget's wait) until {@code bytes} fit; the returned permit gives them back on close. */
    public Permit reserve(long bytes) throws ImageRejectedException {
        long perPermit = BYTES_PER_PIXEL * 1_000_000L;
        // no (bytes + perPermit - 1) / perPermit: that overflows for bytes near Long.MAX_VALUE
        long started = bytes / perPermit + (bytes % perPermit == 0 ? 0 : 1);
        int needed = (int) Math.min(totalMegapixels, Math.max(1, started));
        try {
            if (!permits.tryAcquire(needed, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ImageRejectedException(Reason.BUSY, "no memory for this image came free within " + maxWait.toSeconds()
                        + " s: the server is busy with other images, retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageRejectedException(Reason.INTERRUPTED, "interrupted while waiting for memory", e);
        }
        return new Permit(needed);
    }

    /** Megapixels held by one job; closing twice releases once. */
    public final class Permit implements AutoCloseable {
        private int held;

        private Permit(int held) {
            this.held = held;
        }

        public int megapixels() {
            return held;
        }

        @Override
        public void close() {
            if (held > 0) {
                permits.release(held);
                held = 0;
            }
        }
    }
}
