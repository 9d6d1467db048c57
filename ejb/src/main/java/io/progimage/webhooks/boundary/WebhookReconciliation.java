package io.progimage.webhooks.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One scan of the webhook reconciler, in one transaction, on one node at a time (the
 * {@code webhook-reconciler} row of {@code cluster_locks}, as the bulk reconciler's): deliveries
 * whose due attempt never came (its message lost with a node's broker store) or whose attempt in
 * flight outlived its bound (its node stopped) are taken on by {@link DeliveryAttempts#recover}.
 */
@Stateless
public class WebhookReconciliation {

    static final String LOCK = "webhook-reconciler";

    /** Deliveries looked at per scan at most; the rest wait for the next one. */
    static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryAttempts attempts;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    /** How many deliveries were taken on; -1 when another node held the lock. */
    public int reconcile() {
        if (em.createNativeQuery("SELECT name FROM cluster_locks WHERE name = ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, LOCK).getResultList().isEmpty()) {
            return -1;
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object> candidates = em.createNativeQuery("SELECT bulk_id FROM webhook_deliveries"
                        + " WHERE status IN ('SCHEDULED', 'SENDING') AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT " + BATCH)
                .setParameter(1, LocalDateTime.ofInstant(now.minus(settings.lateAfter()), ZoneOffset.UTC))
                .getResultList();
        int recovered = 0;
        for (Object candidate : candidates) {
            String bulkId = candidate.toString();
            // one in the hands of an attempt's claim or finish right now is left to it
            if (em.createNativeQuery("SELECT bulk_id FROM webhook_deliveries WHERE bulk_id = ? FOR UPDATE SKIP LOCKED")
                    .setParameter(1, bulkId).getResultList().isEmpty()) {
                continue;
            }
            if (attempts.recover(bulkId, now)) {
                recovered++;
            }
        }
        return recovered;
    }
}
