package io.progimage.images.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule that no bulk item stays pending longer than {@code bound}, for a reconciler that looks
 * every {@code interval}. An item whose latest message has gone unanswered for half the bound is
 * sent a new one (its message was never delivered, dead-lettered, or lost with a node), or fails
 * if it has no attempts left; an item that would pass the bound before the next look fails now.
 * Re-queuing marks the item, so it happens at most once per half bound: in practice once, since
 * the second time would fall past the failing point.
 */
public record PendingBound(Duration bound, Duration interval) {

    public enum Verdict { WAIT, REQUEUE, FAIL }

    public PendingBound {
        if (bound.isNegative() || bound.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the pending bound and the reconcile interval must be positive");
        }
        // a re-queued item needs at least one look after the re-queue point and before failing
        if (interval.multipliedBy(2).compareTo(bound) >= 0) {
            throw new IllegalArgumentException("the reconcile interval (" + interval.toSeconds()
                    + " s) must be less than half the pending bound (" + bound.toSeconds() + " s)");
        }
    }

    public Verdict verdict(Instant now, Instant createdAt, Instant lastQueuedAt, int attempts, int maxAttempts) {
        if (!createdAt.isAfter(failCreatedUpTo(now))) {
            return Verdict.FAIL; // the next look would come too late
        }
        if (!lastQueuedAt.isAfter(requeueQueuedUpTo(now))) {
            return attempts < maxAttempts ? Verdict.REQUEUE : Verdict.FAIL;
        }
        return Verdict.WAIT;
    }

    /** An item created at or before this fails now: it would pass the bound before the next look. */
    public Instant failCreatedUpTo(Instant now) {
        return now.minus(bound).plus(interval);
    }

    /**
     * An item whose latest message was sent at or before this is re-queued (or fails, with no
     * attempts left). Its creation is at or before it too (the last message is never older than
     * the item), so a scan need only look at items created up to here; and since the interval is
     * under half the bound, every item that fails was created up to here as well.
     */
    public Instant requeueQueuedUpTo(Instant now) {
        return now.minus(bound.dividedBy(2));
    }
}
