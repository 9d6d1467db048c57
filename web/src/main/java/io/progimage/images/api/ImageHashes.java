package io.progimage.images.api;

import io.progimage.images.boundary.ImageRequest;
import io.progimage.images.control.Base64Files;
import io.progimage.images.entity.Image.SourceKind;
import io.progimage.imaging.control.Filter;
import io.progimage.imaging.control.ProcessingOptions;
import io.progimage.platform.api.Text;
import io.progimage.platform.api.WholeNumber;
import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.DomainException.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one validator of image hashes (API.md §5.4): binds the JSON to {@link ImageHash}, checks it
 * with its Bean Validation constraints, then the rules no annotation says (exactly one source,
 * base64, an http(s) URL), and makes the {@link ImageRequest} with its {@link ProcessingOptions}.
 * Every violation is named as the client wrote it ({@code process.quality}, {@code process[3].filter}):
 * the prefix, then the wire name of the record component the violation's path names.
 */
final class ImageHashes {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    /** Component name to wire name, in declaration order (the order errors are reported in). */
    private static final Map<String, String> WIRE_NAMES = wireNames();

    private ImageHashes() {
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
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError(prefix, "must be an object"));
            return null;
        }
        return check(JSONB.fromJson(object.toString(), ImageHash.class), prefix, uploadedFile, errors);
    }

    static ImageRequest check(ImageHash hash, String prefix, byte[] uploadedFile, List<FieldError> errors) {
        Map<String, String> violations = violations(hash);
        int before = errors.size();
        violations.forEach((component, message) -> errors.add(new FieldError(prefix + "." + WIRE_NAMES.get(component), message)));
        long sources = java.util.stream.Stream.of(hash.file(), hash.remoteFileUrl(), hash.imageId(), uploadedFile)
                .filter(java.util.Objects::nonNull).count();
        if (sources != 1) {
            errors.add(before, new FieldError(prefix, "needs exactly one of file, remote_file_url, image_id"));
        }
        byte[] bytes = uploadedFile;
        if (hash.file() != null && !violations.containsKey("file")) {
            bytes = Base64Files.decode(hash.file()).orElse(null);
            if (bytes == null) {
                errors.add(new FieldError(prefix + ".file", "must be base64 (standard or URL-safe) or a data:image/...;base64, URI"));
            }
        }
        if (hash.remoteFileUrl() != null && !violations.containsKey("remoteFileUrl") && !isHttpUrl(hash.remoteFileUrl())) {
            errors.add(new FieldError(prefix + ".remote_file_url", "must be an http or https URL"));
        }
        if (errors.size() > before) {
            return null;
        }
        ProcessingOptions options = new ProcessingOptions(
                hash.quality() == null ? ProcessingOptions.DEFAULT_QUALITY : WholeNumber.Check.intValue(hash.quality()),
                WholeNumber.Check.intValue(hash.thumbW()), WholeNumber.Check.intValue(hash.thumbH()),
                // only the angle matters: 450 is 90
                hash.rotation() == null ? 0 : (int) Math.floorMod(new java.math.BigDecimal(hash.rotation().trim())
                        .remainder(java.math.BigDecimal.valueOf(360)).longValueExact(), 360L),
                Filter.fromName(hash.filter()), WholeNumber.Check.intValue(hash.roundCorners()));
        if (bytes != null) {
            return new ImageRequest(SourceKind.FILE, bytes, null, null, options);
        }
        return hash.remoteFileUrl() != null ? new ImageRequest(SourceKind.REMOTE, null, hash.remoteFileUrl(), null, options)
                : new ImageRequest(SourceKind.IMAGE, null, null, hash.imageId(), options);
    }

    /**
     * One message per component, in declaration order. A value of the wrong type breaks every
     * constraint of its component; "must be a string" says it best, so it wins.
     */
    private static Map<String, String> violations(ImageHash hash) {
        List<String> order = new ArrayList<>(WIRE_NAMES.keySet());
        Map<String, String> messages = new LinkedHashMap<>();
        VALIDATOR.validate(hash).stream()
                .sorted(Comparator.<ConstraintViolation<ImageHash>>comparingInt(v -> order.indexOf(v.getPropertyPath().toString()))
                        .thenComparing(v -> v.getConstraintDescriptor().getAnnotation() instanceof Text ? 0 : 1))
                .forEach(v -> messages.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        return messages;
    }

    private static Map<String, String> wireNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (RecordComponent component : ImageHash.class.getRecordComponents()) {
            JsonbProperty wire = component.getAccessor().getAnnotation(JsonbProperty.class);
            names.put(component.getName(), wire == null ? component.getName() : wire.value());
        }
        return names;
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
}
