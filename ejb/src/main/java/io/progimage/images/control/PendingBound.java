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
        if (!now.isBefore(createdAt.plus(bound).minus(interval))) {
            return Verdict.FAIL; // the next look would come too late
        }
        if (!now.isBefore(lastQueuedAt.plus(halfBound()))) {
            return attempts < maxAttempts ? Verdict.REQUEUE : Verdict.FAIL;
        }
        return Verdict.WAIT;
    }

    /**
     * Items created after this are {@link Verdict#WAIT} whatever else holds (the last message is
     * never older than the item), so a scan looks only at older ones.
     */
    public Instant candidatesCreatedBefore(Instant now) {
        return now.minus(halfBound());
    }

    private Duration halfBound() {
        return bound.dividedBy(2);
    }
}
