package io.progimage.ratelimit.control;

import java.util.Arrays;

/**
 * A sliding-window log (API.md §6): the times of the last accepted requests of one key. A
 * request is accepted when fewer than {@code limit} of them lie inside the window ending now;
 * an accepted request is recorded, a refused one is not (so refusals never extend the wait).
 * A time {@code t} is inside the window while {@code now - t < window}: a request exactly one
 * window after the oldest one finds that slot free again.
 */
public record SlidingWindow(int limit, long windowMillis) {

    public SlidingWindow {
        if (limit < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
    }

    /** The outcome for one request, and the log to keep for the key afterwards. */
    public record Step(Decision decision, long[] log) {
    }

    public Step next(long[] previous, long now) {
        long[] log = inWindow(previous == null ? new long[0] : previous, now);
        boolean accepted = log.length < limit;
        if (accepted) {
            log = Arrays.copyOf(log, log.length + 1);
            log[log.length - 1] = now;
        }
        int remaining = limit - log.length;
        // the earliest time a slot frees: when the oldest recorded request leaves the window
        long slotFreesAt = log.length == 0 ? now : log[0] + windowMillis;
        return new Step(new Decision(accepted, limit, remaining, slotFreesAt, now, windowMillis), log);
    }

    private long[] inWindow(long[] log, long now) {
        int first = 0;
        while (first < log.length && now - log[first] >= windowMillis) {
            first++;
        }
        // Keep at most the newest `limit` entries (a smaller limit after a configuration change).
        first = Math.max(first, log.length - limit);
        return first == 0 ? log : Arrays.copyOfRange(log, first, log.length);
    }
}
