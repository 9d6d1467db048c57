package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.progimage.it.Uploads.decode;
import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.testImage;
import static io.progimage.it.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Output formats (issue 14): {@code format} jpeg, webp, png and auto; the negotiated file URLs
 * of an auto image (Accept, {@code Vary}, an ETag and If-None-Match per representation). Every
 * file is decoded to show it is the image it claims to be.
 */
@ExtendWith(Stack.class)
class FormatsIT {

    private static final HttpClient FILES = HttpClient.newHttpClient();
    private static final String CHROME_ACCEPT = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";

    private static HttpResponse<byte[]> file(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return FILES.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String type(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void autoServesWebpOrJpegFromTheSameUrlByAccept() throws Exception {
        String token = OAuthClient.newToken();
        Api.Reply reply = upload(token, hashOf(testImage("mate-LadyBird.jpg")).add("format", "auto"));
        assertEquals(201, reply.status(), reply.body());
        JsonObject data = reply.json().getJsonObject("data");
        assertEquals("auto", data.getString("format"));
        assertEquals(List.of("jpeg", "webp"), data.getJsonArray("formats").getValuesAs(jakarta.json.JsonString::getString));
        String url = Stack.baseUri() + data.getJsonObject("file").getString("url");
        String name = url.substring(url.lastIndexOf('/') + 1);
        assertTrue(name.matches("[A-Za-z0-9]+"), "the negotiated name has no extension: " + name);
        assertTrue(data.getJsonObject("file").getJsonObject("thumb").getString("url").endsWith("/thumb_" + name));

        HttpResponse<byte[]> webp = file(url, "Accept", "image/webp");
        assertEquals(200, webp.statusCode());
        assertEquals("image/webp", type(webp));
        assertEquals("Accept", header(webp, "Vary"));
        assertTrue(isWebp(webp.body()));
        HttpResponse<byte[]> jpeg = file(url, "Accept", "image/jpeg");
        assertEquals("image/jpeg", type(jpeg));
        assertEquals("Accept", header(jpeg, "Vary"));
        assertTrue(isJpeg(jpeg.body()));
        assertEquals(data.getJsonNumber("bytes").longValue(), jpeg.body().length, "bytes is the JPEG's");

        String webpTag = header(webp, "ETag");
        String jpegTag = header(jpeg, "ETag");
        assertNotEquals(webpTag, jpegTag, "one strong tag per representation");
        assertFalse(webpTag.startsWith("W/") || jpegTag.startsWith("W/"));

        BufferedImage fromWebp = decode(webp.body());
        BufferedImage fromJpeg = decode(jpeg.body());
        assertEquals(data.getInt("width"), fromWebp.getWidth());
        assertEquals(data.getInt("height"), fromWebp.getHeight());
        assertEquals(fromJpeg.getWidth(), fromWebp.getWidth());

        // a browser's header, none at all, and */* 
        assertEquals("image/webp", type(file(url, "Accept", CHROME_ACCEPT)));
        assertEquals("image/jpeg", type(file(url)));
        assertEquals("image/jpeg", type(file(url, "Accept", "*/*")));
        assertEquals("image/jpeg", type(file(url, "Accept", "image/webp;q=0, */*")));

        // If-None-Match per representation: a tag matches only the representation it names
        HttpResponse<byte[]> notModified = file(url, "Accept", "image/webp", "If-None-Match", webpTag);
        assertEquals(304, notModified.statusCode());
        assertEquals(webpTag, header(notModified, "ETag"));
        assertEquals("Accept", header(notModified, "Vary"));
        HttpResponse<byte[]> otherRepresentation = file(url, "Accept", "image/jpeg", "If-None-Match", webpTag);
        assertEquals(200, otherRepresentation.statusCode());
        assertEquals(jpegTag, header(otherRepresentation, "ETag"));
        assertEquals(304, file(url, "If-None-Match", jpegTag).statusCode());

        // each encoding has its own fixed name too, not negotiated
        HttpResponse<byte[]> fixed = file(url + ".webp", "Accept", "image/jpeg");
        assertEquals("image/webp", type(fixed));
        assertNull(header(fixed, "Vary"));
        assertEquals(webpTag, header(fixed, "ETag"));
        assertEquals("image/jpeg", type(file(url + ".jpg", "Accept", "image/webp")));
        HttpResponse<byte[]> thumb = file(Stack.baseUri() + data.getJsonObject("file").getJsonObject("thumb").getString("url"),
                "Accept", "image/webp");
        assertEquals("image/webp", type(thumb));
        assertTrue(decode(thumb.body()).getWidth() <= 200);
        assertEquals(404, file(url + ".png").statusCode(), "no PNG was made");

        // the flat shape says the same, and its links are the negotiated names
        JsonObject flat = Uploads.get(token, "/user/images/" + data.getString("id")).json().getJsonObject("data");
        assertEquals("auto", flat.getString("format"));
        assertEquals(2, flat.getJsonArray("formats").size());
        assertTrue(flat.getString("url").endsWith("/" + name));
    }

    @Test
    void webpAndPngKeepTransparencyAndJpegFlattensIt() throws Exception {
        String token = OAuthClient.newToken();
        byte[] rose = testImage("yellow-rose-alpha.png");
        for (String format : List.of("webp", "png", "jpeg")) {
            Api.Reply reply = upload(token, hashOf(rose).add("format", format));
            assertEquals(201, reply.status(), reply.body());
            JsonObject data = reply.json().getJsonObject("data");
            assertEquals(format, data.getString("format"));
            assertEquals(List.of(format), data.getJsonArray("formats").getValuesAs(jakarta.json.JsonString::getString));
            String url = data.getJsonObject("file").getString("url");
            assertTrue(url.endsWith(format.equals("jpeg") ? ".jpg" : "." + format), url);
            HttpResponse<byte[]> main = file(Stack.baseUri() + url, "Accept", "image/jpeg");
            assertEquals("image/" + format, type(main), "a fixed format ignores Accept");
            assertNull(header(main, "Vary"));
            BufferedImage decoded = decode(main.body());
            assertEquals(data.getInt("width"), decoded.getWidth());
            assertEquals(!format.equals("jpeg"), decoded.getColorModel().hasAlpha(), format);
            if (!format.equals("jpeg")) {
                assertEquals(0, decoded.getRGB(0, 0) >>> 24, format + ": the rose's transparent corner stays transparent");
            }
        }
    }

    @Test
    void multipartAndBulkTakeTheFormatToo() throws Exception {
        String token = OAuthClient.newToken();
        String boundary = "progimage-formats";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nwebp\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes());
        body.writeBytes(testImage("gray-video-005.jpeg"));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        Api.Reply multipart = Api.send(Api.request("/user/images").header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertEquals(201, multipart.status(), multipart.body());
        String url = multipart.json().getJsonObject("data").getJsonObject("file").getString("url");
        assertTrue(isWebp(file(Stack.baseUri() + url).body()));

        String png = java.util.Base64.getEncoder().encodeToString(Uploads.smallPng(40, 30));
        Api.Reply queued = BulkIT.bulk(Stack.baseUri(), token, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("file", png).add("format", "auto"))
                .add(Json.createObjectBuilder().add("file", png).add("format", "png")));
        assertEquals(202, queued.status(), queued.body());
        var settled = Statuses.awaitSettled(Stack.baseUri(), token, BulkIT.ids(queued), Duration.ofSeconds(60));
        for (JsonObject image : settled.values()) {
            assertEquals("ready", image.getString("status"), image.toString());
            String format = image.getString("format");
            HttpResponse<byte[]> served = file(image.getString("url"), "Accept", "image/webp,*/*;q=0.5");
            assertEquals(format.equals("auto") ? "image/webp" : "image/png", type(served), format);
            assertEquals(40, decode(served.body()).getWidth());
        }
        assertEquals(Set.of("auto", "png"), Set.copyOf(settled.values().stream().map(i -> i.getString("format")).toList()));
    }

    @Test
    void anUnknownFormatIsNamedInThe422() {
        Api.Reply reply = upload(OAuthClient.newToken(), hashOf(Uploads.smallPng(8, 8)).add("format", "gif"));
        assertEquals(422, reply.status(), reply.body());
        assertEquals("process.format", Uploads.field(reply));
        assertTrue(reply.body().contains("jpeg, webp, png, auto"), reply.body());
    }

    private static boolean isWebp(byte[] file) {
        return file.length > 12 && new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                && new String(file, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP");
    }

    private static boolean isJpeg(byte[] file) {
        return file.length > 2 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8;
    }
}
