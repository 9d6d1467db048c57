package io.progimage.images.api;

import io.progimage.images.control.BulkCounts;
import io.progimage.images.control.BulkDocument;
import io.progimage.images.entity.Bulk;
import io.progimage.images.entity.Image;
import io.progimage.images.entity.Processing;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The webhook's document is written in the EJB module (a message-driven bean sends it, outside any
 * request), the API's flat image by {@link FlatImage} here: the two must not drift apart. For a
 * ready, a pending and a failed image, the webhook's image object is exactly what FlatImage writes
 * with the same base URLs; the document as a whole has the fields of {@link BulkSettled}.
 */
class WebhookDocumentTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Instant NOW = Instant.parse("2026-12-01T14:03:07.651Z");
    private static final PublicUrls.Bases BASES = new PublicUrls.Bases("http://img.example:8080", "https://img.example");

    private static Image pending(String format) {
        return new Image("9b2f6f1e-3c1d-4a8e-9a4f-6d7c1b2a3e4f", "Vq3XbN8sLk2Rm5Tz7Wc1Pa", Image.SourceKind.FILE, null, null,
                new Processing(90, 100, null, 0, "lomo", null, format), NOW);
    }

    private static Image ready(String format, List<String> stored) {
        Image image = pending(format);
        image.markReady("png", 400, 301, 14700, "#7f5a3c", "LEHV6nWB2yk8pyo0adR*.7kCMdnj", stored, NOW.plusMillis(250));
        return image;
    }

    private static Image failed() {
        Image image = pending("jpeg");
        image.markFailed("invalid_request", "the file is not an image this service reads", NOW.plusMillis(40));
        return image;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    @Test
    void everyImageIsWrittenAsFlatImageWritesIt() {
        for (Image image : List.of(ready("jpeg", List.of("jpeg")), ready("auto", List.of("jpeg", "webp")), ready("png", List.of("png")),
                pending("webp"), failed())) {
            JsonObject api = parse(JSONB.toJson(FlatImage.of(image, BASES)));
            JsonObject webhook = BulkDocument.image(image, BASES.http(), BASES.https());
            assertEquals(api, webhook, image.status() + " " + image.processing().format());
        }
    }

    @Test
    void theDocumentHasTheCallbacksFieldsAndTheItemsInOrder() {
        Bulk bulk = new Bulk("9b2f6f1e-3c1d-4a8e-9a4f-6d7c1b2a3e4f", "3e1b5a1c9d7f4e2a8b6c0d4f2a1e9c7b", 3,
                "https://frame.example.org/hooks", BASES.http(), BASES.https(), NOW);
        bulk.settle(NOW.plusSeconds(2));
        List<Image> items = List.of(ready("jpeg", List.of("jpeg")), failed());
        JsonObject document = parse(BulkDocument.of(bulk, items, BulkCounts.of(3, items.stream().map(Image::status).toList())));

        Set<String> fields = Set.of("type", "bulkId", "createdAt", "settledAt", "counts", "images").stream()
                .map(name -> java.util.Arrays.stream(BulkSettled.class.getRecordComponents())
                        .filter(component -> component.getName().equals(name)).findFirst().orElseThrow())
                .map(component -> component.getAccessor().getAnnotation(jakarta.json.bind.annotation.JsonbProperty.class) == null
                        ? component.getName() : component.getAccessor().getAnnotation(jakarta.json.bind.annotation.JsonbProperty.class).value())
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(fields, document.keySet());
        assertEquals("bulk.settled", document.getString("type"));
        assertEquals(bulk.id(), document.getString("bulk_id"));
        assertEquals("2026-12-01T14:03:09.651Z", document.getString("settled_at"));
        assertEquals(parse(JSONB.toJson(BulkView.Counts.of(new BulkCounts(3, 0, 1, 1)))), document.getJsonObject("counts"));
        assertEquals(1, document.getJsonObject("counts").getInt("deleted"));
        assertEquals(List.of(items.get(0).id(), items.get(1).id()),
                document.getJsonArray("images").getValuesAs(JsonObject.class).stream().map(image -> image.getString("id")).toList());
    }
}
