package io.progimage.images.api;

import jakarta.json.bind.annotation.JsonbProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One image hash (API.md §5.4), as the OpenAPI document describes it. The numbers are declared
 * integers, the form generated clients should send; the service also takes them as decimal
 * strings, as the reference's own example does ({@link ImageHashes} reads both).
 */
@Schema(name = "ImageHash", description = "What to upload and how to process it. Exactly one of `file`, `remote_file_url`,"
        + " `image_id`. Numbers may also be sent as decimal strings (\"90\"). Unknown keys are ignored.")
public record ImageHash(
        @Schema(description = "The image, base64 (standard or URL-safe alphabet, padding optional) or a `data:image/...;base64,` URI",
                example = "data:image/png;base64,iVBORw0KGgo...") String file,
        @Schema(name = "remote_file_url", format = "uri", maxLength = 2000, description = "An http or https URL the server fetches (public addresses only;"
                + " 5 s connect, 30 s total, at most 3 redirects, the upload size limit)",
                example = "https://images.example.org/cat.jpg") @JsonbProperty("remote_file_url") String remoteFileUrl,
        @Schema(name = "image_id", format = "uuid", description = "One of your ready images: the new image is made from its original upload")
        @JsonbProperty("image_id") String imageId,
        @Schema(minimum = "0", maximum = "100", defaultValue = "90", description = "JPEG quality of every output") Integer quality,
        @Schema(name = "thumb_w", minimum = "1", maximum = "4096", description = "Width of the thumbnail's box (default 200); the aspect ratio is kept")
        @JsonbProperty("thumb_w") Integer thumbW,
        @Schema(name = "thumb_h", minimum = "1", maximum = "4096", description = "Height of the thumbnail's box (default 200)")
        @JsonbProperty("thumb_h") Integer thumbH,
        @Schema(defaultValue = "0", description = "Degrees clockwise, any value; angles that are not multiples of 90 enlarge"
                + " the canvas, filled with white", example = "90") Integer rotation,
        @Schema(enumeration = {"toaster", "lomo", "kelvin", "colortone", "gotham"}) String filter,
        @Schema(name = "round_corners", minimum = "1", maximum = "100000", description = "Corner radius in pixels of the main image (thumb and mini"
                + " in proportion); outside it is white") @JsonbProperty("round_corners") Integer roundCorners) {

    /** Form 1: one hash, processed while the client waits. */
    @Schema(name = "UploadRequest")
    public record Single(@Schema(required = true) ImageHash process) {
    }

    /** Form 2: 1..100 hashes, processed through the queue. */
    @Schema(name = "BulkUploadRequest")
    public record Bulk(@Schema(required = true, minItems = 1, maxItems = 100) java.util.List<ImageHash> process) {
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
            @Schema(name = "round_corners", pattern = "^[+-]?[0-9]{1,30}$") @JsonbProperty("round_corners") String roundCorners) {
    }
}
