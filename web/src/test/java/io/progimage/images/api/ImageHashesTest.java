package io.progimage.images.api;

import io.progimage.images.boundary.ImageRequest;
import io.progimage.images.entity.Image.SourceKind;
import io.progimage.imaging.control.Filter;
import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.DomainException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules of an image hash (API.md §5.4), without a container: JSON-B, Bean Validation and the rest. */
class ImageHashesTest {

    private static final String FILE = Base64.getEncoder().encodeToString(new byte[]{1, 2, 3});

    @Test
    void numbersMayBeJsonNumbersOrDecimalStrings() {
        ImageRequest request = ImageHashes.read(json("{\"file\": \"" + FILE + "\", \"quality\": \"50\", \"thumb_w\": 100.0,"
                + " \"thumb_h\": \" 20 \", \"rotation\": -450, \"filter\": \"gotham\", \"round_corners\": 1e1}"), "process", null);
        assertEquals(SourceKind.FILE, request.kind());
        assertArrayEquals(new byte[]{1, 2, 3}, request.file());
        assertEquals(50, request.options().quality());
        assertEquals(100, request.options().thumbWidth());
        assertEquals(20, request.options().thumbHeight());
        assertEquals(270, request.options().rotation());
        assertEquals(Filter.GOTHAM, request.options().filter());
        assertEquals(10, request.options().cornerRadius());
    }

    @Test
    void absentParametersTakeTheDefaultsAndUnknownKeysAreIgnored() {
        ImageRequest request = ImageHashes.read(json("{\"remote_file_url\": \"https://a.example/cat.jpg\", \"quality\": null,"
                + " \"sharpen\": true}"), "process", null);
        assertEquals(SourceKind.REMOTE, request.kind());
        assertEquals(90, request.options().quality());
        assertNull(request.options().thumbWidth());
        assertEquals(0, request.options().rotation());
        assertNull(request.options().filter());
    }

    @Test
    void eachRuleNamesItsFieldWithTheContractsMessage() {
        record Case(String extra, String field, String message) {
        }
        for (Case c : List.of(
                new Case("\"quality\": -1", "process.quality", "must be between 0 and 100"),
                new Case("\"quality\": 101", "process.quality", "must be between 0 and 100"),
                new Case("\"quality\": \"high\"", "process.quality", "must be an integer"),
                new Case("\"quality\": 1.5", "process.quality", "must be an integer"),
                new Case("\"quality\": {}", "process.quality", "must be an integer"),
                new Case("\"quality\": true", "process.quality", "must be an integer"),
                new Case("\"thumb_w\": 0", "process.thumb_w", "must be between 1 and 4096"),
                new Case("\"thumb_h\": 4097", "process.thumb_h", "must be between 1 and 4096"),
                new Case("\"rotation\": \"ninety\"", "process.rotation", "must be an integer"),
                new Case("\"rotation\": 99999999999999999999", "process.rotation", "is out of range"),
                new Case("\"filter\": \"sepia\"", "process.filter", "must be one of toaster, lomo, kelvin, colortone, gotham"),
                new Case("\"filter\": 3", "process.filter", "must be a string"),
                new Case("\"round_corners\": 0", "process.round_corners", "must be between 1 and 100000"))) {
            List<FieldError> errors = errors("{\"file\": \"" + FILE + "\", " + c.extra() + "}", "process");
            assertEquals(List.of(new FieldError(c.field(), c.message())), errors, c.extra());
        }
    }

    @Test
    void theSourceRulesNameTheHashOrTheSource() {
        assertEquals(List.of(new FieldError("process", "needs exactly one of file, remote_file_url, image_id")),
                errors("{\"quality\": 50}", "process"));
        assertEquals(List.of(new FieldError("process", "needs exactly one of file, remote_file_url, image_id")),
                errors("{\"file\": \"" + FILE + "\", \"image_id\": \"3f6c0c38-9a52-4c34-8a55-5f1f0c8f5a11\"}", "process"));
        assertEquals(List.of(new FieldError("process.file", "must be a string")), errors("{\"file\": [1, 2]}", "process"));
        assertEquals(List.of(new FieldError("process.file", "must be base64 (standard or URL-safe) or a data:image/...;base64, URI")),
                errors("{\"file\": \"not base64!\"}", "process"));
        assertEquals(List.of(new FieldError("process.remote_file_url", "must be an http or https URL")),
                errors("{\"remote_file_url\": \"ftp://a.example/x\"}", "process"));
        assertEquals(List.of(new FieldError("process.image_id", "must be the id of one of your ready images")),
                errors("{\"image_id\": \"42\"}", "process"));
    }

    @Test
    void aBulkItemsViolationsCarryItsIndexInDeclarationOrder() {
        assertEquals(List.of(new FieldError("process[3].quality", "must be between 0 and 100"),
                        new FieldError("process[3].filter", "must be one of toaster, lomo, kelvin, colortone, gotham")),
                errors("{\"filter\": \"sepia\", \"quality\": 500, \"file\": \"" + FILE + "\"}", "process[3]"));
        assertEquals(List.of(new FieldError("process[0]", "must be an object")), errorsOf(JsonValue.TRUE, "process[0]"));
    }

    @Test
    void theMultipartFileCountsAsTheSource() {
        ImageRequest request = ImageHashes.read(json("{\"quality\": \"30\"}"), "process", new byte[]{9});
        assertArrayEquals(new byte[]{9}, request.file());
        DomainException twice = assertThrows(DomainException.class,
                () -> ImageHashes.read(json("{\"file\": \"" + FILE + "\"}"), "process", new byte[]{9}));
        assertEquals("process", twice.details().get(0).field());
    }

    private static List<FieldError> errors(String hash, String prefix) {
        return errorsOf(json(hash), prefix);
    }

    private static List<FieldError> errorsOf(JsonValue hash, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        assertNull(ImageHashes.readCollecting(hash, prefix, null, errors));
        return errors;
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
