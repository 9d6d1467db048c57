package io.progimage.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One attempt at a webhook delivery: when it started, how long it took, and what came of it (the
 * receiver's HTTP status, or why there was no answer). No outcome yet: the attempt is in flight.
 */
@Entity
@Table(name = "webhook_attempts")
public class WebhookAttempt {

    /** {@code LOST}: the node stopped while the attempt was in flight, so nobody knows. */
    public enum Outcome { DELIVERED, FAILED, LOST }

    private static final int MAX_ERROR = 200;

    @Id
    private String id;

    @Column(name = "bulk_id", nullable = false)
    private String bulkId;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms")
    private Integer durationMillis;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "error_message")
    private String errorMessage;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    protected WebhookAttempt() {
    }

    WebhookAttempt(String bulkId, int attempt, Instant startedAt) {
        this.id = UUID.randomUUID().toString();
        this.bulkId = Objects.requireNonNull(bulkId);
        this.attempt = attempt;
        this.startedAt = Objects.requireNonNull(startedAt);
    }

    /** The receiver answered {@code status}: delivered when it is 2xx, failed otherwise. */
    public void answered(int status, long durationMillis) {
        requireInFlight();
        this.httpStatus = status;
        this.durationMillis = (int) Math.min(Integer.MAX_VALUE, durationMillis);
        this.outcome = status >= 200 && status < 300 ? Outcome.DELIVERED : Outcome.FAILED;
    }

    /** No answer: {@code error} says why, in words for the user (never an exception's text). */
    public void failed(String error, long durationMillis) {
        requireInFlight();
        this.errorMessage = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        this.durationMillis = (int) Math.min(Integer.MAX_VALUE, durationMillis);
        this.outcome = Outcome.FAILED;
    }

    /** The attempt never reported back (its node stopped while it was in flight). */
    public void lost() {
        requireInFlight();
        this.errorMessage = "no outcome was recorded: the node sending it stopped";
        this.outcome = Outcome.LOST;
    }

    private void requireInFlight() {
        if (outcome != null) {
            throw new IllegalStateException("attempt " + attempt + " of " + bulkId + " is already " + outcome);
        }
    }

    public boolean isInFlight() {
        return outcome == null;
    }

    public String bulkId() {
        return bulkId;
    }

    /** 1 for the first attempt. */
    public int attempt() {
        return attempt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Null while in flight, or when lost. */
    public Integer durationMillis() {
        return durationMillis;
    }

    /** The receiver's status; null when it did not answer. */
    public Integer httpStatus() {
        return httpStatus;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** Null while in flight. */
    public Outcome outcome() {
        return outcome;
    }
}
