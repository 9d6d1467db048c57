package io.progimage.images.api;

import io.progimage.images.boundary.ImageRequest;
import io.progimage.images.control.Base64Files;
import io.progimage.images.entity.Image.SourceKind;
import io.progimage.images.entity.Processing;
import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.DomainException.FieldError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one image hash (API.md §5.4) into an {@link ImageRequest}, checking every rule of the
 * table and collecting every violation, each named as the client wrote it
 * ({@code process.quality}, {@code process[3].filter}). Unknown keys are ignored.
 */
final class ImageHashes {

    static final Set<String> FILTERS = Set.of("toaster", "lomo", "kelvin", "colortone", "gotham");
    static final int MAX_THUMB_SIDE = 4096;
    /** Far beyond any image (the pipeline clamps to half the shorter side); keeps the number sane. */
    static final int MAX_CORNER_RADIUS = 100_000;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,30}");

    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    private ImageHashes(String prefix) {
        this.prefix = prefix;
    }

    /** A hash from JSON; {@code uploadedFile} is the multipart {@code file} part, if any. */
    static ImageRequest read(JsonValue value, String prefix, byte[] uploadedFile) {
        List<FieldError> errors = new ArrayList<>();
        ImageRequest request = readCollecting(value, prefix, uploadedFile, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return request;
    }

    /** Like {@link #read}, but adds the violations to {@code errors} (for a bulk's every item) and returns null then. */
    static ImageRequest readCollecting(JsonValue value, String prefix, byte[] uploadedFile, List<FieldError> errors) {
        ImageHashes hashes = new ImageHashes(prefix);
        ImageRequest request = value instanceof JsonObject hash ? hashes.parse(hash, uploadedFile) : null;
        if (!(value instanceof JsonObject)) {
            hashes.error("", "must be an object");
        }
        errors.addAll(hashes.errors);
        return hashes.errors.isEmpty() ? request : null;
    }

    private ImageRequest parse(JsonObject hash, byte[] uploadedFile) {
        String file = string(hash, "file");
        String remote = string(hash, "remote_file_url");
        String imageId = string(hash, "image_id");
        int sources = (file != null ? 1 : 0) + (uploadedFile != null ? 1 : 0) + (remote != null ? 1 : 0) + (imageId != null ? 1 : 0);
        if (sources != 1) {
            error("", "needs exactly one of file, remote_file_url, image_id");
        }
        byte[] bytes = uploadedFile;
        if (file != null) {
            bytes = Base64Files.decode(file).orElse(null);
            if (bytes == null) {
                error("file", "must be base64 (standard or URL-safe) or a data:image/...;base64, URI");
            }
        }
        if (remote != null && !isHttpUrl(remote)) {
            error("remote_file_url", "must be an http or https URL");
        }
        if (imageId != null && !UUID.matcher(imageId).matches()) {
            error("image_id", "must be the id of one of your ready images");
        }
        Long quality = integer(hash, "quality", 0, 100);
        Long thumbW = integer(hash, "thumb_w", 1, MAX_THUMB_SIDE);
        Long thumbH = integer(hash, "thumb_h", 1, MAX_THUMB_SIDE);
        Long rotation = integer(hash, "rotation", Long.MIN_VALUE, Long.MAX_VALUE);
        Long corners = integer(hash, "round_corners", 1, MAX_CORNER_RADIUS);
        String filter = string(hash, "filter");
        if (filter != null && !FILTERS.contains(filter)) {
            error("filter", "must be one of toaster, lomo, kelvin, colortone, gotham");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Processing processing = new Processing(quality == null ? 90 : quality.intValue(),
                thumbW == null ? null : thumbW.intValue(), thumbH == null ? null : thumbH.intValue(),
                rotation == null ? 0 : (int) Math.floorMod(rotation, 360L), // only the angle matters: 450 is 90
                filter, corners == null ? null : corners.intValue());
        if (bytes != null) {
            return new ImageRequest(SourceKind.FILE, bytes, null, null, processing);
        }
        return remote != null ? new ImageRequest(SourceKind.REMOTE, null, remote, null, processing)
                : new ImageRequest(SourceKind.IMAGE, null, null, imageId, processing);
    }

    private String string(JsonObject hash, String name) {
        JsonValue value = hash.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        error(name, "must be a string");
        return null;
    }

    /** A JSON number or a decimal string, integral, within [min, max]; null when absent. */
    private Long integer(JsonObject hash, String name, long min, long max) {
        JsonValue value = hash.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        BigDecimal number = null;
        if (value instanceof JsonNumber json) {
            number = json.bigDecimalValue();
        } else if (value instanceof JsonString string && DECIMAL.matcher(string.getString().trim()).matches()) {
            number = new BigDecimal(string.getString().trim());
        }
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            error(name, "must be an integer");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(name, min == Long.MIN_VALUE ? "is out of range" : "must be between " + min + " and " + max);
            return null;
        }
        return number.longValueExact();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return value.length() <= 2000 && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private void error(String name, String message) {
        errors.add(new FieldError(name.isEmpty() ? prefix : prefix + "." + name, message));
    }
}
