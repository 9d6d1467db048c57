package io.progimage.images.api;

import io.progimage.images.boundary.ImageRequest;
import io.progimage.images.control.Base64Files;
import io.progimage.images.entity.Image.SourceKind;
import io.progimage.imaging.control.Filter;
import io.progimage.imaging.control.OutputFormat;
import io.progimage.imaging.control.ProcessingOptions;
import io.progimage.platform.api.RequestRules;
import io.progimage.platform.api.WholeNumber;
import io.progimage.platform.api.WireText;
import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.DomainException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The one validator of image hashes (API.md §5.4): binds the JSON to {@link ImageHash}, checks it
 * with its Bean Validation constraints ({@link RequestRules}), then the rules no annotation says
 * (exactly one source, base64, an http(s) URL), and makes the {@link ImageRequest} with its
 * {@link ProcessingOptions}. Every violation is named as the client wrote it ({@code process.quality},
 * {@code process[3].filter}).
 */
final class ImageHashes {

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
        // The file (up to the body limit) is taken as the parsed string itself: binding it through
        // JSON-B's text would copy it three times over, beyond what SourceMemory counts for a body.
        ImageHash parameters = RequestRules.bind(Json.createObjectBuilder(object).remove("file").build(), ImageHash.class);
        return check(parameters.withFile(WireText.text(object.get("file"))), prefix, uploadedFile, errors);
    }

    private static ImageRequest check(ImageHash hash, String prefix, byte[] uploadedFile, List<FieldError> errors) {
        int before = errors.size();
        List<FieldError> violations = RequestRules.violations(hash, prefix);
        errors.addAll(violations);
        long sources = java.util.stream.Stream.of(hash.file(), hash.remoteFileUrl(), hash.imageId(), uploadedFile)
                .filter(java.util.Objects::nonNull).count();
        if (sources != 1) {
            errors.add(before, new FieldError(prefix, "needs exactly one of file, remote_file_url, image_id"));
        }
        byte[] bytes = uploadedFile;
        if (hash.file() != null && violations.stream().noneMatch(v -> v.field().equals(prefix + ".file"))) {
            bytes = Base64Files.decode(hash.file()).orElse(null);
            if (bytes == null) {
                errors.add(new FieldError(prefix + ".file", "must be base64 (standard or URL-safe) or a data:image/...;base64, URI"));
            }
        }
        if (hash.remoteFileUrl() != null && violations.stream().noneMatch(v -> v.field().equals(prefix + ".remote_file_url"))
                && !isHttpUrl(hash.remoteFileUrl())) {
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
                Filter.fromName(hash.filter()), WholeNumber.Check.intValue(hash.roundCorners()),
                OutputFormat.fromWireName(hash.format()));
        if (bytes != null) {
            return new ImageRequest(SourceKind.FILE, bytes, null, null, options);
        }
        return hash.remoteFileUrl() != null ? new ImageRequest(SourceKind.REMOTE, null, hash.remoteFileUrl(), null, options)
                : new ImageRequest(SourceKind.IMAGE, null, null, hash.imageId(), options);
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
