package io.progimage.images.api;

import io.progimage.images.boundary.Bulks;
import io.progimage.images.control.BulkCounts;
import io.progimage.platform.api.Times;
import io.progimage.webhooks.boundary.Webhooks;
import io.progimage.webhooks.entity.WebhookAttempt;
import io.progimage.webhooks.entity.WebhookDelivery;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A bulk upload as {@code GET /user/bulks/{id}} shows it (issue 14 §4): its items in request order
 * (flat shape), their counts, its callback URL and, when it has one, where the webhook stands
 * with every attempt so far.
 */
@Schema(name = "Bulk", description = "A bulk upload: its items, their counts, and its webhook's delivery")
@JsonbPropertyOrder({"bulkId", "createdAt", "settledAt", "callbackUrl", "counts", "images", "webhook"})
public record BulkView(
        @Schema(name = "bulk_id", required = true, format = "uuid", example = "0b6f2f0e-8d3c-4b7a-9e21-5c4d3a2b1f00")
        @JsonbProperty("bulk_id") String bulkId,
        @Schema(name = "created_at", required = true, format = "date-time", example = "2026-12-01T14:03:07.651Z")
        @JsonbProperty("created_at") String createdAt,
        @Schema(name = "settled_at", required = true, nullable = true, format = "date-time", example = "2026-12-01T14:03:09.204Z",
                description = "When the last item left pending; null while any is pending")
        @JsonbProperty("settled_at") @JsonbNillable String settledAt,
        @Schema(name = "callback_url", required = true, nullable = true, format = "uri", example = "https://frame.example.org/hooks/progimage")
        @JsonbProperty("callback_url") @JsonbNillable String callbackUrl,
        @Schema(required = true) Counts counts,
        @Schema(required = true, description = "The items that still exist, in request order (deleted ones are left out)")
        List<FlatImage> images,
        @Schema(description = "The webhook's delivery; absent when the bulk has no callback_url") Webhook webhook) {

    @Schema(name = "BulkCounts", description = "Of the bulk's items: how many are pending, ready, failed, and were deleted")
    @JsonbPropertyOrder({"total", "pending", "ready", "failed", "deleted"})
    public record Counts(@Schema(required = true, example = "3") int total, @Schema(required = true, example = "0") int pending,
                         @Schema(required = true, example = "2") int ready, @Schema(required = true, example = "1") int failed,
                         @Schema(required = true, example = "0") int deleted) {
        static Counts of(BulkCounts counts) {
            return new Counts(counts.total(), counts.pending(), counts.ready(), counts.failed(), counts.deleted());
        }
    }

    @Schema(name = "WebhookDelivery", description = "Where the bulk's webhook stands")
    @JsonbPropertyOrder({"status", "deliveryId", "nextAttemptAt", "attempts"})
    public record Webhook(
            @Schema(required = true, enumeration = {"waiting", "scheduled", "sending", "delivered", "failed"},
                    description = "waiting: the bulk has not settled; scheduled: the next attempt is due at next_attempt_at;"
                            + " sending: an attempt is in flight; delivered: answered with a 2xx; failed: given up (attempts"
                            + " or time used up, or the application no longer has a secret)")
            String status,
            @Schema(name = "delivery_id", format = "uuid", example = "5d0c7a4e-1f2b-4c3d-8e9f-0a1b2c3d4e5f",
                    description = "The ProgImage-Delivery header of every attempt; absent while waiting")
            @JsonbProperty("delivery_id") String deliveryId,
            @Schema(name = "next_attempt_at", format = "date-time", description = "When the next attempt is due (scheduled only)")
            @JsonbProperty("next_attempt_at") String nextAttemptAt,
            @Schema(required = true) List<Attempt> attempts) {

        static Webhook of(Optional<Webhooks.Delivery> found) {
            if (found.isEmpty()) {
                return new Webhook("waiting", null, null, List.of());
            }
            WebhookDelivery delivery = found.get().delivery();
            boolean scheduled = delivery.status() == WebhookDelivery.Status.SCHEDULED;
            return new Webhook(delivery.status().name().toLowerCase(Locale.ROOT), delivery.deliveryId(),
                    scheduled ? Times.iso(delivery.nextAttemptAt()) : null,
                    found.get().attempts().stream().map(Attempt::of).toList());
        }
    }

    @Schema(name = "WebhookAttempt", description = "One attempt at the delivery")
    @JsonbPropertyOrder({"attempt", "startedAt", "durationMs", "outcome", "httpStatus", "error"})
    public record Attempt(
            @Schema(required = true, example = "1", description = "1 for the first") int attempt,
            @Schema(name = "started_at", required = true, format = "date-time") @JsonbProperty("started_at") String startedAt,
            @Schema(name = "duration_ms", example = "43", description = "How long it took; absent while in flight and when lost")
            @JsonbProperty("duration_ms") Integer durationMs,
            @Schema(required = true, enumeration = {"sending", "delivered", "failed", "lost"},
                    description = "lost: the node making it stopped before its outcome was recorded")
            String outcome,
            @Schema(name = "http_status", example = "500", description = "The receiver's answer, when there was one")
            @JsonbProperty("http_status") Integer httpStatus,
            @Schema(example = "no answer from the receiver within 10 s (refused, unreachable or too slow)",
                    description = "Why there was no answer, when there was none")
            String error) {

        static Attempt of(WebhookAttempt attempt) {
            return new Attempt(attempt.attempt(), Times.iso(attempt.startedAt()), attempt.durationMillis(),
                    attempt.outcome() == null ? "sending" : attempt.outcome().name().toLowerCase(Locale.ROOT),
                    attempt.httpStatus(), attempt.errorMessage());
        }
    }

    /** {@code {"data": bulk}}. */
    @Schema(name = "BulkDetailResponse")
    public record One(@Schema(required = true) BulkView data) {
    }

    static BulkView of(Bulks.Found found, Optional<Webhooks.Delivery> delivery, PublicUrls.Bases bases) {
        var bulk = found.bulk();
        return new BulkView(bulk.id(), Times.iso(bulk.createdAt()), bulk.settledAt() == null ? null : Times.iso(bulk.settledAt()),
                bulk.callbackUrl(), Counts.of(found.counts()),
                found.items().stream().map(image -> FlatImage.of(image, bases)).toList(),
                bulk.callbackUrl() == null ? null : Webhook.of(delivery));
    }
}
