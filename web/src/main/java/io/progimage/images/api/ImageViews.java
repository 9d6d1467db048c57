package io.progimage.images.api;

import io.progimage.images.entity.Image;
import io.progimage.platform.api.Times;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The two JSON shapes of an image (API.md §5.1 "flat", §5.4 the reference's single shape). */
final class ImageViews {

    private ImageViews() {
    }

    static String path(Image image, String fileName) {
        return "/uploads/image/file/" + image.id() + "/" + fileName;
    }

    /** The reference's single shape, with relative file URLs; status and size are additions. */
    static JsonObject single(Image image) {
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("id", image.id())
                .add("user_id", image.userId())
                .add("file", Json.createObjectBuilder()
                        .add("url", path(image, image.fileName()))
                        .add("mini", Json.createObjectBuilder().add("url", path(image, image.miniFileName())))
                        .add("thumb", Json.createObjectBuilder().add("url", path(image, image.thumbFileName()))))
                .add("created_at", Times.iso(image.createdAt()))
                .add("updated_at", Times.iso(image.updatedAt()))
                .add("status", status(image));
        addSize(data, image);
        return Json.createObjectBuilder().add("data", data).build();
    }

    /** The flat shape, with absolute URLs; a failed image has no files, so its links are null. */
    static JsonObject flat(Image image, PublicUrls.Bases bases) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", image.id())
                .add("created_at", Times.iso(image.createdAt()))
                .add("updated_at", Times.iso(image.updatedAt()))
                .add("status", status(image));
        boolean hasFiles = image.status() != Image.Status.FAILED;
        link(json, "url", hasFiles, bases.http(), image, image.fileName());
        link(json, "secure_url", hasFiles, bases.https(), image, image.fileName());
        link(json, "thumbnail_url", hasFiles, bases.http(), image, image.thumbFileName());
        link(json, "secure_thumbnail_url", hasFiles, bases.https(), image, image.thumbFileName());
        link(json, "mini_url", hasFiles, bases.http(), image, image.miniFileName());
        link(json, "secure_mini_url", hasFiles, bases.https(), image, image.miniFileName());
        addSize(json, image);
        json.add("format", "jpeg");
        if (image.status() == Image.Status.FAILED) {
            json.add("error", Json.createObjectBuilder().add("code", image.errorCode()).add("message", image.errorMessage()));
        }
        return json.build();
    }

    private static void link(JsonObjectBuilder json, String name, boolean present, String base, Image image, String file) {
        if (present) {
            json.add(name, base + path(image, file));
        } else {
            json.addNull(name);
        }
    }

    private static void addSize(JsonObjectBuilder json, Image image) {
        if (image.isReady()) {
            json.add("width", image.width()).add("height", image.height()).add("bytes", image.bytes());
            // issue 14's placeholders, in both shapes, only where there is something to draw
            if (image.dominantColor() != null) {
                json.add("dominant_color", image.dominantColor()).add("blurhash", image.blurhash());
            }
        } else {
            json.addNull("width").addNull("height").addNull("bytes");
        }
    }

    private static String status(Image image) {
        return image.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
