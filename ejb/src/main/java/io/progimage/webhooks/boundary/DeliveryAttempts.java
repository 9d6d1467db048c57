package io.progimage.webhooks.boundary;

import io.progimage.oauth.boundary.Applications;
import io.progimage.webhooks.control.CallbackPosts;
import io.progimage.webhooks.entity.WebhookAttempt;
import io.progimage.webhooks.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The steps of one webhook attempt, each a short transaction of its own under the delivery's row
 * lock, so that the POST itself runs with no transaction and no lock held: {@link #claim} (is this
 * message's attempt due and not taken? then it is in flight, recorded), then the POST, then
 * {@link #finish} (delivered, or the next attempt scheduled through the broker, or given up).
 * A duplicated or late message finds its attempt taken and does nothing, so the attempts of a
 * delivery never exceed the schedule's maximum, whatever the broker or the reconciler resend.
 */
@Stateless
public class DeliveryAttempts {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class.getName());

    /** A message this much before its attempt is due still counts as on time (brokers round). */
    static final Duration EARLY_TOLERANCE = Duration.ofSeconds(2);

    private static final AtomicBoolean WARNED_EARLY = new AtomicBoolean();

    /** What an attempt needs once claimed; the secret is in the clear here only, never in a log. */
    public record Claim(String deliveryId, String url, String body, String secret) {
        @Override
        public String toString() {
            return "Claim[" + deliveryId + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Applications applications;

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    /**
     * Takes attempt {@code attempt} of bulk {@code bulkId}'s delivery, when it is the one due:
     * empty for a duplicate, a stale or an early message, and when the application can no longer
     * sign (the delivery then gives up: no attempt could ever be verified).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claim> claim(String bulkId, int attempt) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, bulkId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status() != WebhookDelivery.Status.SCHEDULED || delivery.attempts() + 1 != attempt) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (delivery.nextAttemptAt().isAfter(now.plus(EARLY_TOLERANCE))) {
            if (WARNED_EARLY.compareAndSet(false, true)) {
                LOG.warning("a webhook attempt arrived before it was due: the broker does not hold messages back"
                        + " (ActiveMQ needs schedulerSupport=true); the reconciler sends such attempts when due");
            }
            return Optional.empty();
        }
        WebhookAttempt started = delivery.startAttempt(now, now.plus(settings.presumedLostAfter()));
        em.persist(started);
        Optional<String> secret;
        try {
            secret = applications.webhookSecret(delivery.clientId());
        } catch (RuntimeException unreadable) {
            // the sealed secret does not open (the server key replaced, a corrupt row): no later
            // attempt could sign either, so the delivery ends now, recorded, instead of its message
            // bouncing between redelivery, the dead-letter queue and the reconciler for an hour
            LOG.log(Level.SEVERE, "the webhook secret of application " + delivery.clientId() + " cannot be opened: "
                    + unreadable.getClass().getName()); // never the value
            started.failed("the application's webhook secret cannot be read on the server; replace it", 0);
            delivery.giveUp(now);
            return Optional.empty();
        }
        if (secret.isEmpty()) {
            started.failed("the application no longer has a webhook secret to sign with (it was deleted)", 0);
            delivery.giveUp(now);
            return Optional.empty();
        }
        return Optional.of(new Claim(delivery.deliveryId(), delivery.url(), delivery.body(), secret.get()));
    }

    /** Records the answer to attempt {@code attempt} and decides what comes next. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(String bulkId, int attempt, CallbackPosts.Answer answer) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, bulkId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return;
        }
        attemptRow(bulkId, attempt).filter(WebhookAttempt::isInFlight).ifPresent(row -> {
            if (answer.error() == null) {
                row.answered(answer.status(), answer.took().toMillis());
            } else {
                row.failed(answer.error(), answer.took().toMillis());
            }
        });
        if (delivery.status() != WebhookDelivery.Status.SENDING || delivery.attempts() != attempt) {
            return; // presumed lost meanwhile and taken over by the reconciler: its record stands
        }
        Instant now = clock.instant();
        if (answer.delivered()) {
            delivery.delivered(now);
        } else {
            retryOrGiveUp(delivery, now);
        }
    }

    /**
     * The reconciler's look at one delivery it holds locked: a due attempt whose message never
     * came is sent again; an attempt in flight past its bound is recorded lost and the schedule
     * goes on. Runs in the reconciler's transaction. Returns whether it did anything.
     */
    public boolean recover(String bulkId, Instant now) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, bulkId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.isFinished()) {
            return false;
        }
        switch (delivery.status()) {
            case SCHEDULED -> {
                if (delivery.nextAttemptAt().plus(settings.lateAfter()).isAfter(now)) {
                    return false;
                }
                if (!now.isBefore(delivery.createdAt().plus(settings.backOff().maxAge()))) {
                    // its attempts never got going (every claim failed): the time bound ends it as it ends retries
                    LOG.warning(() -> "webhook delivery " + delivery.deliveryId() + " could not be attempted in time; giving up");
                    delivery.giveUp(now);
                    return true;
                }
                delivery.requeued(now);
                em.flush();
                queue.send(bulkId, delivery.attempts() + 1, Duration.ZERO);
                return true;
            }
            case SENDING -> {
                if (delivery.nextAttemptAt().plus(settings.lateAfter()).isAfter(now)) {
                    return false;
                }
                attemptRow(bulkId, delivery.attempts()).filter(WebhookAttempt::isInFlight).ifPresent(WebhookAttempt::lost);
                retryOrGiveUp(delivery, now);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void retryOrGiveUp(WebhookDelivery delivery, Instant now) {
        Optional<Instant> next = settings.backOff().nextAttempt(delivery.attempts(), delivery.createdAt(), now);
        if (next.isEmpty()) {
            LOG.info(() -> "webhook delivery " + delivery.deliveryId() + " gave up after " + delivery.attempts() + " attempt(s)");
            delivery.giveUp(now);
            return;
        }
        delivery.retryAt(next.get());
        em.flush(); // the new state first: the message is sent with its commit
        queue.send(delivery.bulkId(), delivery.attempts() + 1, Duration.between(now, next.get()));
    }

    private Optional<WebhookAttempt> attemptRow(String bulkId, int attempt) {
        List<WebhookAttempt> rows = em.createNamedQuery(WebhookDelivery.ATTEMPTS, WebhookAttempt.class)
                .setParameter("bulkId", bulkId).getResultList();
        return rows.stream().filter(row -> row.attempt() == attempt).findFirst();
    }
}
