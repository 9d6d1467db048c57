package io.progimage.webhooks.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: the first retry {@code firstRetry} after the
 * first failure, each next one twice as long after the one before, never more than
 * {@code maxDelay} apart; at most {@code maxAttempts} attempts, and none due later than
 * {@code maxAge} after the delivery began. With the defaults (8 attempts, 30 s, 15 min, 1 h) the
 * retries come 30 s, 1, 2, 4, 8, 15 and 15 min after each failure: the eighth attempt 45.5 min
 * after the first. No jitter: each bulk's delivery begins when that bulk settles, so they do not
 * line up by themselves.
 */
public record BackOff(int maxAttempts, Duration firstRetry, Duration maxDelay, Duration maxAge) {

    public BackOff {
        if (maxAttempts < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxDelay.compareTo(firstRetry) < 0
                || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("webhook retries: at least one attempt, a positive first retry no longer"
                    + " than the longest delay, and a positive time bound");
        }
    }

    /** The wait after failed attempt {@code attempt} (1 for the first) before the next one. */
    public Duration delayAfter(int attempt) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * When the attempt after failed attempt {@code attempt} is due, given that the delivery began
     * at {@code began} and the failure was noticed at {@code now}; empty: give up.
     */
    public Optional<Instant> nextAttempt(int attempt, Instant began, Instant now) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Instant next = now.plus(delayAfter(attempt));
        return next.isAfter(began.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }
}
