package io.progimage.images.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The webhook's document (issue 14 §4), for the OpenAPI document's callback only: the service
 * writes it in the message-driven bean that sends it ({@code images.control.BulkDocument}), and
 * {@code WebhookDocumentTest} holds that writer to this shape and its images to {@link FlatImage}'s.
 */
@Schema(name = "BulkSettledEvent", description = "What a bulk's callback_url receives once every item has settled")
@JsonbPropertyOrder({"type", "bulkId", "createdAt", "settledAt", "counts", "images"})
public record BulkSettled(
        @Schema(required = true, enumeration = "bulk.settled") String type,
        @Schema(name = "bulk_id", required = true, format = "uuid", example = "0b6f2f0e-8d3c-4b7a-9e21-5c4d3a2b1f00")
        @JsonbProperty("bulk_id") String bulkId,
        @Schema(name = "created_at", required = true, format = "date-time", example = "2026-12-01T14:03:07.651Z")
        @JsonbProperty("created_at") String createdAt,
        @Schema(name = "settled_at", required = true, format = "date-time", example = "2026-12-01T14:03:08.921Z")
        @JsonbProperty("settled_at") String settledAt,
        @Schema(required = true) BulkView.Counts counts,
        @Schema(required = true, description = "The items that still exist, in request order, ready or failed, with the"
                + " links of the bulk's 202 answer") List<FlatImage> images) {
}
