package io.progimage.images.api;

import io.progimage.platform.api.Text;
import io.progimage.platform.api.WholeNumber;
import io.progimage.platform.api.WireText;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One image hash (API.md §5.4) as the client sent it: every parameter is the client's text
 * ({@link WireText}), so that a wrong type or range is a violation naming the field. The
 * constraints here are the table's rules; the rest (exactly one source, base64, the URL) and the
 * conversion to {@link io.progimage.imaging.control.ProcessingOptions} are {@link ImageHashes}.
 * The document declares the numbers integers, the form generated clients should send; the service
 * also takes them as decimal strings, as the reference's own example does.
 */
@Schema(name = "ImageHash", description = "What to upload and how to process it. Exactly one of `file`, `remote_file_url`,"
        + " `image_id`. Numbers may also be sent as decimal strings (\"90\"). Unknown keys are ignored.")
public record ImageHash(
        @Schema(description = "The image, base64 (standard or URL-safe alphabet, padding optional) or a `data:image/...;base64,` URI",
                example = "data:image/png;base64,iVBORw0KGgo...")
        @JsonbTypeDeserializer(WireText.Strings.class) @Text String file,
        @Schema(name = "remote_file_url", format = "uri", maxLength = 2000, description = "An http or https URL the server"
                + " fetches (public addresses only; 5 s connect, 30 s total, at most 3 redirects, the upload size limit)",
                example = "https://images.example.org/cat.jpg")
        @JsonbProperty("remote_file_url") @JsonbTypeDeserializer(WireText.Strings.class) @Text String remoteFileUrl,
        @Schema(name = "image_id", format = "uuid", description = "One of your ready images: the new image is made from its original upload")
        @JsonbProperty("image_id") @JsonbTypeDeserializer(WireText.Strings.class) @Text
        @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                message = "must be the id of one of your ready images") String imageId,
        @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100", defaultValue = "90",
                description = "JPEG and WebP quality of every output (PNG is lossless)")
        @JsonbTypeDeserializer(WireText.Numbers.class) @WholeNumber(min = 0, max = 100) String quality,
        @Schema(name = "thumb_w", type = SchemaType.INTEGER, minimum = "1", maximum = "4096",
                description = "Width of the thumbnail's box (default 200); the aspect ratio is kept")
        @JsonbProperty("thumb_w") @JsonbTypeDeserializer(WireText.Numbers.class) @WholeNumber(min = 1, max = MAX_THUMB_SIDE) String thumbW,
        @Schema(name = "thumb_h", type = SchemaType.INTEGER, minimum = "1", maximum = "4096",
                description = "Height of the thumbnail's box (default 200)")
        @JsonbProperty("thumb_h") @JsonbTypeDeserializer(WireText.Numbers.class) @WholeNumber(min = 1, max = MAX_THUMB_SIDE) String thumbH,
        @Schema(type = SchemaType.INTEGER, defaultValue = "0", example = "90", description = "Degrees clockwise, any value;"
                + " angles that are not multiples of 90 enlarge the canvas, filled with white")
        @JsonbTypeDeserializer(WireText.Numbers.class) @WholeNumber String rotation,
        @Schema(enumeration = {"toaster", "lomo", "kelvin", "colortone", "gotham"})
        @JsonbTypeDeserializer(WireText.Strings.class) @Text
        @Pattern(regexp = "toaster|lomo|kelvin|colortone|gotham", message = "must be one of toaster, lomo, kelvin, colortone, gotham")
        String filter,
        @Schema(name = "round_corners", type = SchemaType.INTEGER, minimum = "1", maximum = "100000",
                description = "Corner radius in pixels of the main image (thumb and mini in proportion); outside it is white")
        @JsonbProperty("round_corners") @JsonbTypeDeserializer(WireText.Numbers.class) @WholeNumber(min = 1, max = MAX_CORNER_RADIUS)
        String roundCorners,
        @Schema(enumeration = {"jpeg", "webp", "png", "auto"}, defaultValue = "jpeg", description = "The encoding of every"
                + " output: `jpeg`; `webp` (lossy at `quality`, transparency kept); `png` (lossless, transparency kept);"
                + " `auto`: JPEG and WebP both, the file URLs (bare names, no extension) serve what the request's `Accept`"
                + " header prefers, JPEG without one (`Vary: Accept`). With a format that keeps transparency, rounded"
                + " corners and a skew rotation's canvas are transparent instead of white.")
        @JsonbTypeDeserializer(WireText.Strings.class) @Text
        @Pattern(regexp = "jpeg|webp|png|auto", message = "must be one of jpeg, webp, png, auto") String format) {

    static final int MAX_THUMB_SIDE = 4096;
    /** Far beyond any image (the pipeline clamps to half the shorter side); keeps the number sane. */
    static final int MAX_CORNER_RADIUS = 100_000;

    /** The same hash with {@code file} (as {@link WireText#text} reads it). */
    ImageHash withFile(String file) {
        return new ImageHash(file, remoteFileUrl, imageId, quality, thumbW, thumbH, rotation, filter, roundCorners, format);
    }

    /** Form 1: one hash, processed while the client waits. */
    @Schema(name = "UploadRequest")
    public record Single(@Schema(required = true) ImageHash process) {
    }

    /** Form 2: 1..100 hashes, processed through the queue; optionally a URL to call when all have settled (issue 14 §4). */
    @Schema(name = "BulkUploadRequest")
    public record Bulk(@Schema(required = true, minItems = 1, maxItems = 100) java.util.List<ImageHash> process,
                       @Schema(name = "callback_url", format = "uri", maxLength = 2000, example = "https://frame.example.org/hooks/progimage",
                               description = "Called once every item is ready or failed: one POST of a signed JSON document"
                                       + " (`bulk_id`, counts, the images), retried with back-off for up to an hour until it is"
                                       + " answered with a 2xx. https (http only where the operator allows it), public addresses"
                                       + " only, as for `remote_file_url`; no user information. Only with this (list) form.")
                       @JsonbProperty("callback_url") String callbackUrl) {
    }

    /** Form 3: the binary part and the hash's parameters as text parts. */
    @Schema(name = "MultipartUpload")
    public record Multipart(
            @Schema(required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                    description = "The image file") String file,
            @Schema(pattern = "^[+-]?[0-9]{1,30}$", description = "0..100, default 90") String quality,
            @Schema(name = "thumb_w", pattern = "^[+-]?[0-9]{1,30}$") @JsonbProperty("thumb_w") String thumbW,
            @Schema(name = "thumb_h", pattern = "^[+-]?[0-9]{1,30}$") @JsonbProperty("thumb_h") String thumbH,
            @Schema(pattern = "^[+-]?[0-9]{1,30}$") String rotation,
            @Schema(enumeration = {"toaster", "lomo", "kelvin", "colortone", "gotham"}) String filter,
            @Schema(name = "round_corners", pattern = "^[+-]?[0-9]{1,30}$") @JsonbProperty("round_corners") String roundCorners,
            @Schema(enumeration = {"jpeg", "webp", "png", "auto"}, defaultValue = "jpeg") String format) {
    }
}
