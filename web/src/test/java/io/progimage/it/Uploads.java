package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;

/** Test-side helpers for image uploads: the real test images, requests, and looking at results. */
final class Uploads {

    private Uploads() {
    }

    static byte[] testImage(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("progimage.it.images", "../ejb/src/test/resources/imaging"), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small generated PNG, for tests that need many cheap uploads. */
    static byte[] smallPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonObjectBuilder hashOf(byte[] image) {
        return Json.createObjectBuilder().add("file", Base64.getEncoder().encodeToString(image));
    }

    static Api.Reply upload(String token, JsonObjectBuilder hash) {
        return upload(Stack.baseUri(), token, hash);
    }

    static Api.Reply upload(URI node, String token, JsonObjectBuilder hash) {
        return Api.send(Api.request(node, "/user/images").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("process", hash).build().toString())).build());
    }

    static Api.Reply get(String token, String path) {
        return Api.get(path, "Authorization", "Bearer " + token);
    }

    static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.net.http.HttpResponse<byte[]> download(String url) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the storage directory holds (folders and files), to show a failed upload added nothing. */
    static long storedEntries() throws IOException {
        Path storage = Path.of(System.getProperty("progimage.it.work", "target/it"), "data", "storage");
        if (!Files.exists(storage)) {
            return 0;
        }
        try (Stream<Path> entries = Files.walk(storage)) {
            return entries.count();
        }
    }

    static String field(Api.Reply reply) {
        JsonObject error = reply.json().getJsonObject("error");
        return error.getJsonArray("details").getJsonObject(0).getString("field");
    }
}
