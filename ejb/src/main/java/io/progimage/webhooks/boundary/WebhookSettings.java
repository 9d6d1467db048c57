package io.progimage.webhooks.boundary;

import io.progimage.webhooks.control.BackOff;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * How webhook deliveries are retried and watched (MicroProfile Config): the retry schedule
 * ({@link BackOff}), how often the reconciler looks, and how late a due attempt may be before it
 * is re-sent (two looks: a message the broker holds back is never late by that much).
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "progimage.webhook.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "progimage.webhook.first-retry-seconds", defaultValue = "30")
    long firstRetrySeconds;

    @Inject
    @ConfigProperty(name = "progimage.webhook.max-retry-delay-seconds", defaultValue = "900")
    long maxRetryDelaySeconds;

    /** No attempt is due later than this after the bulk settled: the delivery gives up instead. */
    @Inject
    @ConfigProperty(name = "progimage.webhook.max-age-seconds", defaultValue = "3600")
    long maxAgeSeconds;

    @Inject
    @ConfigProperty(name = "progimage.webhook.reconcile-interval-seconds", defaultValue = "60")
    long reconcileIntervalSeconds;

    @Inject
    Callbacks callbacks;

    private BackOff backOff;

    @PostConstruct
    void check() {
        // an impossible schedule fails the deployment (the reconciler is created at start-up) with its reason
        backOff = new BackOff(maxAttempts, Duration.ofSeconds(firstRetrySeconds), Duration.ofSeconds(maxRetryDelaySeconds),
                Duration.ofSeconds(maxAgeSeconds));
        if (reconcileIntervalSeconds < 1) {
            throw new IllegalArgumentException("progimage.webhook.reconcile-interval-seconds must be at least 1");
        }
    }

    public BackOff backOff() {
        return backOff;
    }

    public Duration reconcileInterval() {
        return Duration.ofSeconds(reconcileIntervalSeconds);
    }

    /** A due attempt whose message has not come this long after it was due is re-sent. */
    public Duration lateAfter() {
        return reconcileInterval().multipliedBy(2);
    }

    /** An attempt in flight this long is presumed lost (its node stopped): the attempt's own bound, and a minute. */
    public Duration presumedLostAfter() {
        return callbacks.attemptBound().plusMinutes(1);
    }
}
