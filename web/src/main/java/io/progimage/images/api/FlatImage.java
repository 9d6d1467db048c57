package io.progimage.images.api;

import io.progimage.images.entity.Image;
import io.progimage.platform.api.Times;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/**
 * The flat shape of an image (API.md §5.1), in lists, bulk answers and {@code GET /user/images/{id}}.
 * The seed's link fields are always present: null for a failed image, which has no files; the
 * sizes are null until the image is ready. Placeholders and {@code error} appear only where they apply.
 */
@Schema(name = "Image", description = "An image in the flat shape, with absolute URLs.")
@JsonbPropertyOrder({"id", "createdAt", "updatedAt", "status", "url", "secureUrl", "thumbnailUrl", "secureThumbnailUrl", "miniUrl", "secureMiniUrl", "width", "height", "bytes", "dominantColor", "blurhash", "format", "formats", "error"})
public record FlatImage(
        @Schema(required = true, format = "uuid", example = "3f6c0c38-9a52-4c34-8a55-5f1f0c8f5a11") String id,
        @Schema(name = "created_at", required = true, format = "date-time", example = "2026-12-01T14:03:07.651Z")
        @JsonbProperty("created_at") String createdAt,
        @Schema(name = "updated_at", required = true, format = "date-time", example = "2026-12-01T14:03:07.912Z")
        @JsonbProperty("updated_at") String updatedAt,
        @Schema(required = true, enumeration = {"pending", "ready", "failed"},
                description = "pending until a bulk item is processed; failed images carry `error` and no files")
        String status,
        @Schema(required = true, nullable = true, format = "uri", description = "The processed image; null when failed")
        @JsonbNillable String url,
        @Schema(name = "secure_url", required = true, nullable = true, format = "uri") @JsonbProperty("secure_url") @JsonbNillable String secureUrl,
        @Schema(name = "thumbnail_url", required = true, nullable = true, format = "uri") @JsonbProperty("thumbnail_url") @JsonbNillable String thumbnailUrl,
        @Schema(name = "secure_thumbnail_url", required = true, nullable = true, format = "uri") @JsonbProperty("secure_thumbnail_url") @JsonbNillable String secureThumbnailUrl,
        @Schema(name = "mini_url", required = true, nullable = true, format = "uri", description = "The mini version, inside 64×64")
        @JsonbProperty("mini_url") @JsonbNillable String miniUrl,
        @Schema(name = "secure_mini_url", required = true, nullable = true, format = "uri") @JsonbProperty("secure_mini_url") @JsonbNillable String secureMiniUrl,
        @Schema(required = true, nullable = true, description = "Pixels of the processed image; null until ready", example = "1024")
        @JsonbNillable Integer width,
        @Schema(required = true, nullable = true, example = "768") @JsonbNillable Integer height,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64", required = true, nullable = true, description = "Size of the processed main file (the JPEG one for `auto`)", example = "123456")
        @JsonbNillable Long bytes,
        @Schema(name = "dominant_color", pattern = "^#[0-9a-f]{6}$", example = "#7f5a3c",
                description = "The most common colour of the image (ready images only)")
        @JsonbProperty("dominant_color") String dominantColor,
        @Schema(example = "LEHV6nWB2yk8pyo0adR*.7kCMdnj", description = "A BlurHash (4×3 components) of the image (ready images only)")
        String blurhash,
        @Schema(required = true, enumeration = {"jpeg", "webp", "png", "auto"}, example = "jpeg",
                description = "The output format asked for (`jpeg` unless the upload said otherwise)") String format,
        @Schema(example = "[\"jpeg\", \"webp\"]", description = "The encodings"
                + " stored (ready images only): the one asked for; for `auto` JPEG and WebP, or JPEG alone when the image"
                + " is too large for WebP (16383 px a side). For `auto` each file also has a name per encoding"
                + " (`.jpg`, `.webp` appended), served without negotiation.")
        java.util.List<String> formats,
        @Schema(description = "Why a failed image failed") Failure error) {

    @Schema(name = "ImageFailure", description = "Why an image failed: the §1 codes, e.g. invalid_request for an unreadable image")
    public record Failure(@Schema(required = true, example = "invalid_request") String code,
                          @Schema(required = true, example = "the file is not an image this service reads") String message) {
    }

    static FlatImage of(Image image, PublicUrls.Bases bases) {
        boolean hasFiles = image.status() != Image.Status.FAILED;
        boolean ready = image.isReady();
        return new FlatImage(image.id(), Times.iso(image.createdAt()), Times.iso(image.updatedAt()), status(image),
                hasFiles ? bases.http() + path(image, image.fileName()) : null,
                hasFiles ? bases.https() + path(image, image.fileName()) : null,
                hasFiles ? bases.http() + path(image, image.thumbFileName()) : null,
                hasFiles ? bases.https() + path(image, image.thumbFileName()) : null,
                hasFiles ? bases.http() + path(image, image.miniFileName()) : null,
                hasFiles ? bases.https() + path(image, image.miniFileName()) : null,
                ready ? image.width() : null, ready ? image.height() : null, ready ? image.bytes() : null,
                ready ? image.dominantColor() : null, ready ? image.blurhash() : null,
                image.processing().format(), ready ? image.storedFormats() : null,
                image.status() == Image.Status.FAILED ? new Failure(image.errorCode(), image.errorMessage()) : null);
    }

    static String path(Image image, String fileName) {
        return "/uploads/image/file/" + image.id() + "/" + fileName;
    }

    static String status(Image image) {
        return image.status().name().toLowerCase(Locale.ROOT);
    }

    /** {@code {"data": image}} ({@code GET /user/images/{id}}, API.md §5.3). */
    @Schema(name = "ImageResponse")
    public record One(@Schema(required = true) FlatImage data) {
    }

    /**
     * {@code {"data": [image...]}} in request order (the bulk form's 202, API.md §5.4), and the
     * bulk's id (issue 14 §4): {@code GET /user/bulks/{bulk_id}} and its webhook name it.
     */
    @Schema(name = "BulkResponse")
    @JsonbPropertyOrder({"data", "bulkId"})
    public record Bulk(@Schema(required = true) java.util.List<FlatImage> data,
                       @Schema(name = "bulk_id", required = true, format = "uuid", example = "0b6f2f0e-8d3c-4b7a-9e21-5c4d3a2b1f00",
                               description = "The bulk: `GET /user/bulks/{bulk_id}` shows its items and webhook")
                       @JsonbProperty("bulk_id") String bulkId) implements UploadedImage.Answer {
    }

    /** A page of the caller's images, newest first (API.md §5.2). */
    @Schema(name = "ImageList")
    public record Page(@Schema(required = true) java.util.List<FlatImage> data, @Schema(required = true) Meta meta) {
    }

    /**
     * The offset's component is {@code start}: Payara's OpenAPI scanner takes any annotated method
     * whose name contains "set" for a setter and fails on {@code offset()}, which has no argument.
     */
    @Schema(name = "PageMeta")
    @JsonbPropertyOrder({"start", "limit", "total"})
    public record Meta(@Schema(name = "offset", required = true, example = "0") @JsonbProperty("offset") int start, @Schema(required = true, example = "10") int limit,
                       @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64", required = true, example = "42", description = "All of the caller's images") long total) {
    }
}
