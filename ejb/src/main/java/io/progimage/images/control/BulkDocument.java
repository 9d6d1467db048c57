package io.progimage.images.control;

import io.progimage.images.entity.Bulk;
import io.progimage.images.entity.Image;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The document a settled bulk's webhook sends (issue 14 §4): {@code type}, {@code bulk_id}, its
 * times, the counts, and its items in request order in the flat image shape (API.md §5.1) with
 * the base URLs of the bulk's own 202 answer. It is written here, not by the web layer's
 * {@code FlatImage}, because it is made by a message-driven bean, outside any request; the web
 * module's {@code WebhookDocumentTest} holds the two image shapes equal, field for field.
 */
public final class BulkDocument {

    public static final String TYPE = "bulk.settled";

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private BulkDocument() {
    }

    public static String of(Bulk bulk, List<Image> items, BulkCounts counts) {
        JsonArrayBuilder images = Json.createArrayBuilder();
        items.forEach(image -> images.add(image(image, bulk.publicUrl(), bulk.publicSecureUrl())));
        JsonObjectBuilder document = Json.createObjectBuilder()
                .add("type", TYPE)
                .add("bulk_id", bulk.id())
                .add("created_at", iso(bulk.createdAt()));
        if (bulk.settledAt() != null) {
            document.add("settled_at", iso(bulk.settledAt()));
        } else {
            document.addNull("settled_at");
        }
        return document
                .add("counts", Json.createObjectBuilder()
                        .add("total", counts.total())
                        .add("pending", counts.pending())
                        .add("ready", counts.ready())
                        .add("failed", counts.failed())
                        .add("deleted", counts.deleted()))
                .add("images", images)
                .build().toString();
    }

    /** One image as FlatImage writes it: the link fields always (null when failed), sizes null until ready. */
    public static JsonObject image(Image image, String http, String https) {
        boolean hasFiles = image.status() != Image.Status.FAILED;
        boolean ready = image.isReady();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", image.id())
                .add("created_at", iso(image.createdAt()))
                .add("updated_at", iso(image.updatedAt()))
                .add("status", image.status().name().toLowerCase(Locale.ROOT));
        link(json, "url", hasFiles, http, image, image.fileName());
        link(json, "secure_url", hasFiles, https, image, image.fileName());
        link(json, "thumbnail_url", hasFiles, http, image, image.thumbFileName());
        link(json, "secure_thumbnail_url", hasFiles, https, image, image.thumbFileName());
        link(json, "mini_url", hasFiles, http, image, image.miniFileName());
        link(json, "secure_mini_url", hasFiles, https, image, image.miniFileName());
        if (ready) {
            json.add("width", image.width()).add("height", image.height()).add("bytes", image.bytes());
        } else {
            json.addNull("width").addNull("height").addNull("bytes");
        }
        if (ready && image.dominantColor() != null) {
            json.add("dominant_color", image.dominantColor());
        }
        if (ready && image.blurhash() != null) {
            json.add("blurhash", image.blurhash());
        }
        json.add("format", image.processing().format());
        if (ready) {
            JsonArrayBuilder formats = Json.createArrayBuilder();
            image.storedFormats().forEach(formats::add);
            json.add("formats", formats);
        }
        if (image.status() == Image.Status.FAILED) {
            json.add("error", Json.createObjectBuilder().add("code", image.errorCode()).add("message", image.errorMessage()));
        }
        return json.build();
    }

    private static void link(JsonObjectBuilder json, String name, boolean hasFiles, String base, Image image, String fileName) {
        if (hasFiles) {
            json.add(name, base + "/uploads/image/file/" + image.id() + "/" + fileName);
        } else {
            json.addNull(name);
        }
    }

    private static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
