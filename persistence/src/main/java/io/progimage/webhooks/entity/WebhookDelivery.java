package io.progimage.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The webhook of one settled bulk (keyed by the bulk's id, so there is exactly one): the signed
 * document, where it goes, and where its delivery stands. {@code SCHEDULED} (attempt
 * {@code attempts + 1} is due at {@code nextAttemptAt}) → {@code SENDING} (an attempt in flight,
 * presumed lost after {@code nextAttemptAt}) → {@code DELIVERED}, or back to {@code SCHEDULED},
 * or {@code FAILED} when the attempts or the time are used up. The document is dropped when the
 * delivery ends: it was only kept to be sent.
 */
@Entity
@Table(name = "webhook_deliveries")
@NamedQuery(name = WebhookDelivery.ATTEMPTS, query = "SELECT a FROM WebhookAttempt a WHERE a.bulkId = :bulkId ORDER BY a.attempt")
public class WebhookDelivery {

    /** The attempts at the delivery of bulk {@code :bulkId}, first first. */
    public static final String ATTEMPTS = "WebhookDelivery.attempts";

    public enum Status { SCHEDULED, SENDING, DELIVERED, FAILED }

    @Id
    @Column(name = "bulk_id")
    private String bulkId;

    @Column(name = "delivery_id", nullable = false)
    private String deliveryId;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(nullable = false)
    private String url;

    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected WebhookDelivery() {
    }

    /** A delivery whose first attempt is due now. */
    public WebhookDelivery(String bulkId, String clientId, String url, String body, Instant now) {
        this.bulkId = Objects.requireNonNull(bulkId);
        this.deliveryId = UUID.randomUUID().toString();
        this.clientId = Objects.requireNonNull(clientId);
        this.url = Objects.requireNonNull(url);
        this.body = Objects.requireNonNull(body);
        this.status = Status.SCHEDULED;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * Starts the next attempt (the caller holds this row's lock): it is in flight until it is
     * recorded, or presumed lost at {@code presumedLostAt}.
     */
    public WebhookAttempt startAttempt(Instant now, Instant presumedLostAt) {
        require(Status.SCHEDULED);
        attempts++;
        status = Status.SENDING;
        nextAttemptAt = presumedLostAt;
        return new WebhookAttempt(bulkId, attempts, now);
    }

    /** The attempt in flight was answered with a 2xx. */
    public void delivered(Instant now) {
        require(Status.SENDING);
        finish(Status.DELIVERED, now);
    }

    /** The attempt in flight failed (or was lost): the next one is due at {@code next}. */
    public void retryAt(Instant next) {
        require(Status.SENDING);
        status = Status.SCHEDULED;
        nextAttemptAt = Objects.requireNonNull(next);
    }

    /** No attempts or time left, or nothing can sign it any more. */
    public void giveUp(Instant now) {
        if (isFinished()) {
            throw new IllegalStateException("delivery " + deliveryId + " is already " + status);
        }
        finish(Status.FAILED, now);
    }

    /** The due attempt's message was sent again (the first one was lost): it is due from now. */
    public void requeued(Instant now) {
        require(Status.SCHEDULED);
        nextAttemptAt = now;
    }

    private void finish(Status end, Instant now) {
        status = end;
        finishedAt = now;
        nextAttemptAt = null;
        body = null;
    }

    private void require(Status expected) {
        if (status != expected) {
            throw new IllegalStateException("delivery " + deliveryId + " is " + status + ", not " + expected);
        }
    }

    public boolean isFinished() {
        return status == Status.DELIVERED || status == Status.FAILED;
    }

    public String bulkId() {
        return bulkId;
    }

    /** Sent as {@code ProgImage-Delivery} with every attempt: the receiver's key to drop repeats. */
    public String deliveryId() {
        return deliveryId;
    }

    public String clientId() {
        return clientId;
    }

    public String url() {
        return url;
    }

    /** The document to sign and send; null once the delivery has ended. */
    public String body() {
        return body;
    }

    public Status status() {
        return status;
    }

    /** Attempts started so far. */
    public int attempts() {
        return attempts;
    }

    /** SCHEDULED: when the next attempt is due; SENDING: when the one in flight is presumed lost; else null. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** When the bulk settled and the delivery began; the time bound of its retries counts from here. */
    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
