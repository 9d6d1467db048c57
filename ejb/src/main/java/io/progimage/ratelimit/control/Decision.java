package io.progimage.ratelimit.control;

import java.io.Serializable;

/**
 * Whether a request may go on, and what its rate-limit headers say. Serializable: it travels
 * back from the cluster member that owns the key.
 *
 * @param slotFreesAt epoch millis when the next slot frees (now, when one is free already)
 */
public record Decision(boolean accepted, int limit, int remaining, long slotFreesAt, long now, long windowMillis)
        implements Serializable {

    /** Whole seconds until a slot frees, at least 1: the Retry-After of a refusal. */
    public long retryAfterSeconds() {
        return Math.max(1, ceilSeconds(slotFreesAt - now));
    }

    /** Seconds until a slot frees (0 when one is free). */
    public long resetSeconds() {
        return remaining > 0 ? 0 : ceilSeconds(slotFreesAt - now);
    }

    /** UTC epoch seconds when a slot frees. */
    public long resetEpochSeconds() {
        return (slotFreesAt + 999) / 1000;
    }

    public long windowSeconds() {
        return ceilSeconds(windowMillis);
    }

    private static long ceilSeconds(long millis) {
        return Math.max(0, (millis + 999) / 1000);
    }
}
