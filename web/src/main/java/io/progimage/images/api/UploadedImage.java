package io.progimage.images.api;

import io.progimage.images.entity.Image;
import io.progimage.platform.api.Times;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The reference's single shape (API.md §5.4 forms 1 and 3), with relative file URLs; status,
 * sizes and placeholders are additions. Sizes are null until ready, like the flat shape's.
 */
@Schema(name = "UploadedImage", description = "An image in the reference's single shape, with relative file URLs.")
@JsonbPropertyOrder({"id", "userId", "file", "createdAt", "updatedAt", "status", "width", "height", "bytes", "dominantColor", "blurhash", "format", "formats"})
public record UploadedImage(
        @Schema(required = true, format = "uuid", example = "3f6c0c38-9a52-4c34-8a55-5f1f0c8f5a11") String id,
        @Schema(name = "user_id", required = true, format = "uuid", example = "9b2f6f1e-3c1d-4a8e-9a4f-6d7c1b2a3e4f") @JsonbProperty("user_id") String userId,
        @Schema(required = true) Files file,
        @Schema(name = "created_at", required = true, format = "date-time", example = "2026-12-01T14:03:07.651Z") @JsonbProperty("created_at") String createdAt,
        @Schema(name = "updated_at", required = true, format = "date-time", example = "2026-12-01T14:03:07.912Z") @JsonbProperty("updated_at") String updatedAt,
        @Schema(required = true, enumeration = {"pending", "ready", "failed"}) String status,
        @Schema(required = true, nullable = true, example = "1024") @JsonbNillable Integer width,
        @Schema(required = true, nullable = true, example = "768") @JsonbNillable Integer height,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, format = "int64", required = true, nullable = true, example = "123456") @JsonbNillable Long bytes,
        @Schema(name = "dominant_color", pattern = "^#[0-9a-f]{6}$", example = "#7f5a3c") @JsonbProperty("dominant_color") String dominantColor,
        @Schema(example = "LEHV6nWB2yk8pyo0adR*.7kCMdnj") String blurhash,
        @Schema(required = true, enumeration = {"jpeg", "webp", "png", "auto"}, example = "jpeg",
                description = "The output format asked for") String format,
        @Schema(example = "[\"jpeg\"]", description = "The encodings stored, as in the flat shape")
        java.util.List<String> formats) {

    @Schema(name = "ImageFiles")
    public record Files(@Schema(required = true, example = "/uploads/image/file/3f6c0c38-9a52-4c34-8a55-5f1f0c8f5a11/cat.jpg") String url,
                        @Schema(required = true) Link mini,
                        @Schema(required = true) Link thumb) {
    }

    @Schema(name = "FileLink")
    public record Link(@Schema(required = true, example = "/uploads/image/file/3f6c0c38-9a52-4c34-8a55-5f1f0c8f5a11/mini_cat.jpg") String url) {
    }

    /** {@code {"data": image}}, the answer to forms 1 and 3. */
    @Schema(name = "UploadResponse")
    public record Created(@Schema(required = true) UploadedImage data) implements Answer {
    }

    /**
     * What POST /user/images answers: 201 with {@link Created} or, for the bulk form, 202 with
     * {@link FlatImage.Bulk}. One schema for both statuses, so that a generated client has one
     * return type that can hold either (openapi-generator types an operation by its first 2xx).
     */
    @Schema(name = "UploadAnswer", oneOf = {Created.class, FlatImage.Bulk.class},
            description = "UploadResponse (201: one image) or BulkResponse (202: the bulk form)")
    public sealed interface Answer permits Created, FlatImage.Bulk {
    }

    static Created of(Image image) {
        boolean ready = image.isReady();
        Files files = new Files(FlatImage.path(image, image.fileName()),
                new Link(FlatImage.path(image, image.miniFileName())), new Link(FlatImage.path(image, image.thumbFileName())));
        return new Created(new UploadedImage(image.id(), image.userId(), files, Times.iso(image.createdAt()),
                Times.iso(image.updatedAt()), FlatImage.status(image),
                ready ? image.width() : null, ready ? image.height() : null, ready ? image.bytes() : null,
                ready ? image.dominantColor() : null, ready ? image.blurhash() : null,
                image.processing().format(), ready ? image.storedFormats() : null));
    }
}
