package io.progimage.webhooks.boundary;

import io.progimage.webhooks.entity.WebhookAttempt;
import io.progimage.webhooks.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
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

    /**
     * Schedules the first attempt of bulk {@code bulkId}'s webhook: {@code document} to {@code url},
     * signed with application {@code clientId}'s secret, in the caller's
     * transaction (the one that settles the bulk, under its row lock: so once per bulk); the message
     * is sent when that commits, and item processing never waits for the delivery.
     */
    public void schedule(String bulkId, String clientId, String url, String document) {
        em.persist(new WebhookDelivery(bulkId, clientId, url, document, clock.instant()));
        em.flush(); // the row first: a message never names a delivery that failed to insert
        queue.send(bulkId, 1, Duration.ZERO);
    }

    /** Empty until the bulk has settled (or when it has no callback_url). */
    public Optional<Delivery> of(String bulkId) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, bulkId))
                .map(delivery -> new Delivery(delivery, em.createNamedQuery(WebhookDelivery.ATTEMPTS, WebhookAttempt.class)
                        .setParameter("bulkId", bulkId).getResultList()));
    }
}
