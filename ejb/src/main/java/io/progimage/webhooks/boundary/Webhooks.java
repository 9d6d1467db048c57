package io.progimage.webhooks.boundary;

import io.progimage.images.entity.Bulk;
import io.progimage.webhooks.entity.WebhookAttempt;
import io.progimage.webhooks.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A settled bulk's webhook: scheduled once, and where it stands. */
@Stateless
public class Webhooks {

    /** A delivery and its attempts, first first. */
    public record Delivery(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryQueue queue;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "progimage.webhook.max-open-per-user", defaultValue = "20")
    int maxOpenPerUser;

    /**
     * Refuses one more bulk with a {@code callback_url} while the user has {@code
     * progimage.webhook.max-open-per-user} of them not yet delivered or given up (items pending, or
     * the delivery scheduled or in flight): every attempt can hold one of a node's two delivery
     * sessions for its 10 s, so one user's unreachable receivers must not crowd out the others'
     * webhooks for the hour their retries last. Counted, not locked: two requests at the same
     * moment may both pass at the bound, which keeps it a bound within one.
     */
    public void requireRoomFor(String userId) {
        Number open = (Number) em.createNativeQuery("SELECT COUNT(*) FROM bulks b"
                        + " LEFT JOIN webhook_deliveries d ON d.bulk_id = b.id WHERE b.user_id = ? AND b.callback_url IS NOT NULL"
                        + " AND (b.settled_at IS NULL OR d.status IN ('SCHEDULED', 'SENDING'))")
                .setParameter(1, userId).getSingleResult();
        if (open.longValue() >= maxOpenPerUser) {
            throw new CallbackRefused("cannot be taken now: " + open + " of your bulks with a callback_url are still"
                    + " pending or being delivered (at most " + maxOpenPerUser + "); send this one without it, or later");
        }
    }

    /**
     * Schedules the first attempt of {@code bulk}'s webhook with {@code document}, in the caller's
     * transaction (the one that settles the bulk, under its row lock: so once per bulk); the message
     * is sent when that commits, and item processing never waits for the delivery.
     */
    public void schedule(Bulk bulk, String document) {
        em.persist(new WebhookDelivery(bulk.id(), bulk.clientId(), bulk.callbackUrl(), document, clock.instant()));
        em.flush(); // the row first: a message never names a delivery that failed to insert
        queue.send(bulk.id(), 1, Duration.ZERO);
    }

    /** Empty until the bulk has settled (or when it has no callback_url). */
    public Optional<Delivery> of(String bulkId) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, bulkId))
                .map(delivery -> new Delivery(delivery, em.createNamedQuery(WebhookDelivery.ATTEMPTS, WebhookAttempt.class)
                        .setParameter("bulkId", bulkId).getResultList()));
    }
}
