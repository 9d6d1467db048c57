package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import static io.progimage.it.Uploads.decode;
import static io.progimage.it.Uploads.download;
import static io.progimage.it.Uploads.field;
import static io.progimage.it.Uploads.get;
import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.smallPng;
import static io.progimage.it.Uploads.testImage;
import static io.progimage.it.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Single uploads, listing, one image and the public files (API.md §5 but bulk, §9). */
@ExtendWith(Stack.class)
class ImagesIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ParameterizedTest
    @ValueSource(strings = {"mate-LadyBird.jpg", "progressive-video-001.jpeg", "gray-video-005.jpeg", "cmyk-ladybird.jpg",
            "yellow-rose-alpha.png", "video-001.gif", "yellow-rose-lossy-alpha.webp", "chelsea-cat.bmp", "video-001-lzw.tiff"})
    void everyInputFormatUploadsAsBase64InTheSingleShape(String name) {
        String token = OAuthClient.newToken();
        Api.Reply reply = upload(token, hashOf(testImage(name)).add("quality", 80));
        assertEquals(201, reply.status(), reply.body());
        JsonObject data = reply.json().getJsonObject("data");
        String id = data.getString("id");
        assertTrue(id.matches(UUID));
        assertTrue(reply.header("Location").endsWith("/user/images/" + id), reply.header("Location"));
        assertTrue(data.getString("user_id").matches(UUID));
        JsonObject file = data.getJsonObject("file");
        assertTrue(file.getString("url").matches("/uploads/image/file/" + id + "/[A-Za-z0-9]{22}\\.jpg"), file.getString("url"));
        String name22 = file.getString("url").substring(file.getString("url").lastIndexOf('/') + 1);
        assertEquals("/uploads/image/file/" + id + "/thumb_" + name22, file.getJsonObject("thumb").getString("url"));
        assertEquals("/uploads/image/file/" + id + "/mini_" + name22, file.getJsonObject("mini").getString("url"));
        assertTrue(data.getString("created_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertTrue(data.getString("updated_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals("ready", data.getString("status"));

        HttpResponse<byte[]> main = download(Stack.baseUri() + file.getString("url"));
        assertEquals(200, main.statusCode());
        BufferedImage decoded = decode(main.body());
        assertEquals(data.getInt("width"), decoded.getWidth());
        assertEquals(data.getInt("height"), decoded.getHeight());
    }

    @Test
    void dataUrisAndUrlSafeBase64WithoutPaddingAreAccepted() {
        String token = OAuthClient.newToken();
        byte[] png = smallPng(30, 20);
        String standard = Base64.getEncoder().encodeToString(png);
        assertEquals(201, upload(token, Json.createObjectBuilder().add("file", "data:image/png;base64," + standard)).status());
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(png);
        assertEquals(201, upload(token, Json.createObjectBuilder().add("file", urlSafe)).status());
        Api.Reply notBase64 = upload(token, Json.createObjectBuilder().add("file", "this is not base64!"));
        assertEquals(422, notBase64.status());
        assertEquals("process.file", field(notBase64));
    }

    @Test
    void multipartUploadHasTheSameAnswer() {
        String token = OAuthClient.newToken();
        String boundary = "progimage-test-boundary";
        byte[] image = testImage("gray-video-005.jpeg");
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"rotation\"\r\n\r\n90\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"thumb_w\"\r\n\r\n50\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes());
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        Api.Reply reply = Api.send(Api.request("/user/images").header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertEquals(201, reply.status(), reply.body());
        JsonObject data = reply.json().getJsonObject("data");
        BufferedImage original = decode(image);
        // rotated by 90: the sides swap
        assertEquals(original.getHeight(), data.getInt("width"));
        assertEquals(original.getWidth(), data.getInt("height"));
        BufferedImage thumb = decode(download(Stack.baseUri() + data.getJsonObject("file").getJsonObject("thumb").getString("url")).body());
        assertEquals(50, thumb.getWidth());
    }

    @Test
    void thumbnailAndMiniGeometry() {
        String token = OAuthClient.newToken();
        // 400x200: a thumb_h alone fixes the height; the mini fits 64x64
        JsonObject data = upload(token, hashOf(smallPng(400, 200)).add("thumb_h", "50")).json().getJsonObject("data");
        BufferedImage thumb = decode(download(Stack.baseUri() + data.getJsonObject("file").getJsonObject("thumb").getString("url")).body());
        assertEquals(100, thumb.getWidth());
        assertEquals(50, thumb.getHeight());
        BufferedImage mini = decode(download(Stack.baseUri() + data.getJsonObject("file").getJsonObject("mini").getString("url")).body());
        assertEquals(64, mini.getWidth());
        assertEquals(32, mini.getHeight());
        // the default box is 200x200
        JsonObject plain = upload(token, hashOf(smallPng(400, 200))).json().getJsonObject("data");
        BufferedImage defaultThumb = decode(download(Stack.baseUri() + plain.getJsonObject("file").getJsonObject("thumb").getString("url")).body());
        assertEquals(200, defaultThumb.getWidth());
        assertEquals(100, defaultThumb.getHeight());
    }

    @Test
    void anImageCanBeDerivedFromAnEarlierOneButOnlyFromTheCallersOwn() {
        String token = OAuthClient.newToken();
        String first = upload(token, hashOf(smallPng(120, 60))).json().getJsonObject("data").getString("id");
        Api.Reply derived = upload(token, Json.createObjectBuilder().add("image_id", first).add("rotation", 90));
        assertEquals(201, derived.status(), derived.body());
        // derived from the original upload (120x60), rotated
        assertEquals(60, derived.json().getJsonObject("data").getInt("width"));
        assertEquals(120, derived.json().getJsonObject("data").getInt("height"));

        String stranger = OAuthClient.newToken();
        Api.Reply foreign = upload(stranger, Json.createObjectBuilder().add("image_id", first));
        assertEquals(422, foreign.status());
        assertEquals("process.image_id", field(foreign));
        Api.Reply unknown = upload(token, Json.createObjectBuilder().add("image_id", java.util.UUID.randomUUID().toString()));
        assertEquals(422, unknown.status());
    }

    @Test
    void parameterRulesOfTheTableEachNameTheirField() {
        String token = OAuthClient.newToken();
        byte[] png = smallPng(10, 10);
        record Case(JsonObjectBuilder hash, String field) {
        }
        for (Case c : List.of(
                new Case(hashOf(png).add("quality", -1), "process.quality"),
                new Case(hashOf(png).add("quality", 101), "process.quality"),
                new Case(hashOf(png).add("quality", "high"), "process.quality"),
                new Case(hashOf(png).add("quality", 1.5), "process.quality"),
                new Case(hashOf(png).add("thumb_w", 0), "process.thumb_w"),
                new Case(hashOf(png).add("thumb_h", 4097), "process.thumb_h"),
                new Case(hashOf(png).add("rotation", "ninety"), "process.rotation"),
                new Case(hashOf(png).add("filter", "sepia"), "process.filter"),
                new Case(hashOf(png).add("round_corners", 0), "process.round_corners"))) {
            Api.Reply reply = upload(token, c.hash());
            assertEquals(422, reply.status(), c.field());
            assertEquals("invalid_request", reply.errorCode());
            assertEquals(c.field(), field(reply));
        }
    }

    @Test
    void exactlyOneSourceAndWellFormedValuesAreAccepted() throws Exception {
        String token = OAuthClient.newToken();
        byte[] png = smallPng(10, 10);
        Api.Reply none = upload(token, Json.createObjectBuilder().add("quality", 80));
        assertEquals(422, none.status());
        assertEquals("process", field(none));
        Api.Reply two = upload(token, hashOf(png).add("remote_file_url", "http://example.com/a.jpg"));
        assertEquals(422, two.status());
        assertEquals("process", field(two));
        Api.Reply notAnObject = Api.post("/user/images", "application/json", "{\"process\": \"x\"}", "Authorization", "Bearer " + token);
        assertEquals(422, notAnObject.status());

        // numbers as decimal strings, edge values, unknown keys ignored
        Api.Reply ok = upload(token, hashOf(png).add("quality", "0").add("thumb_w", "4096").add("rotation", -450)
                .add("filter", "lomo").add("round_corners", "3").add("unknown", true));
        assertEquals(201, ok.status(), ok.body());
        assertEquals(201, upload(token, hashOf(png).add("quality", 100).add("rotation", 45)).status());
    }

    @Test
    void aSourceOverThePixelLimitIsRefusedFromItsHeader() {
        String token = OAuthClient.newToken();
        Api.Reply reply = upload(token, hashOf(pngClaiming(10_000, 10_000)));
        assertEquals(422, reply.status(), reply.body());
        assertEquals("process.file", field(reply));
    }

    @Test
    void anUndecodableFileIs422AndLeavesNothingBehind() throws Exception {
        String token = OAuthClient.newToken();
        long stored = Uploads.storedEntries();
        byte[] truncated = java.util.Arrays.copyOf(testImage("mate-LadyBird.jpg"), 20_000);
        for (byte[] bad : List.of("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(), new byte[]{1, 2, 3, 4, 5}, truncated)) {
            Api.Reply reply = upload(token, hashOf(bad));
            assertEquals(422, reply.status());
            assertEquals("process.file", field(reply));
        }
        assertEquals(0, get(token, "/user/images").json().getJsonObject("meta").getInt("total"));
        assertEquals(stored, Uploads.storedEntries());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String token = OAuthClient.newToken();
        String answer = Api.headersOnly("/user/images", Stack.MAX_BODY_BYTES + 1L, "Authorization", "Bearer " + token);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"code\":\"payload_too_large\""), answer);
    }

    @Test
    void listingPaginatesNewestFirstWithMetaAndLinks() {
        String token = OAuthClient.newToken();
        String a = upload(token, hashOf(smallPng(8, 8))).json().getJsonObject("data").getString("id");
        String b = upload(token, hashOf(smallPng(8, 8))).json().getJsonObject("data").getString("id");
        String c = upload(token, hashOf(smallPng(8, 8))).json().getJsonObject("data").getString("id");

        Api.Reply first = get(token, "/user/images?limit=2");
        assertEquals(200, first.status());
        List<String> ids = first.json().getJsonArray("data").getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).toList();
        assertEquals(List.of(c, b), ids);
        assertEquals(Json.createObjectBuilder().add("offset", 0).add("limit", 2).add("total", 3).build(), first.json().getJsonObject("meta"));
        assertEquals("<" + Stack.baseUri().toString().replaceAll("/$", "") + "/user/images?offset=2&limit=2>; rel=\"next\"", first.header("Link"));

        Api.Reply second = get(token, "/user/images?offset=2&limit=2");
        assertEquals(List.of(a), second.json().getJsonArray("data").getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).toList());
        assertTrue(second.header("Link").contains("offset=0&limit=2>; rel=\"prev\""));
        assertTrue(!second.header("Link").contains("next"));

        Api.Reply defaults = get(token, "/user/images");
        assertEquals(10, defaults.json().getJsonObject("meta").getInt("limit"));
        assertNull(defaults.header("Link"));
        assertEquals(0, get(token, "/user/images?offset=3").json().getJsonArray("data").size());

        for (String query : List.of("limit=0", "limit=101", "limit=abc", "offset=-1", "offset=x")) {
            Api.Reply bad = get(token, "/user/images?" + query);
            assertEquals(422, bad.status(), query);
            assertEquals(query.substring(0, query.indexOf('=')), field(bad));
        }
    }

    @Test
    void theFlatShapeHasAbsoluteUrlsAndAnotherUsersImageIsAlways404() {
        String token = OAuthClient.newToken();
        String id = upload(token, hashOf(smallPng(40, 30))).json().getJsonObject("data").getString("id");
        Api.Reply one = get(token, "/user/images/" + id);
        assertEquals(200, one.status());
        JsonObject image = one.json().getJsonObject("data");
        String base = Stack.baseUri().toString().replaceAll("/$", "");
        assertTrue(image.getString("url").startsWith(base + "/uploads/image/file/" + id + "/"));
        assertTrue(image.getString("secure_url").startsWith("https://127.0.0.1:"));
        assertTrue(image.getString("thumbnail_url").contains("/thumb_"));
        assertTrue(image.getString("secure_thumbnail_url").startsWith("https://"));
        assertTrue(image.getString("mini_url").contains("/mini_"));
        assertEquals(40, image.getInt("width"));
        assertEquals(30, image.getInt("height"));
        assertEquals("jpeg", image.getString("format"));
        assertEquals("ready", image.getString("status"));
        assertTrue(image.getInt("bytes") > 0);

        String stranger = OAuthClient.newToken();
        Api.Reply foreign = get(stranger, "/user/images/" + id);
        assertEquals(404, foreign.status());
        assertEquals("not_found", foreign.errorCode());
        assertEquals(0, get(stranger, "/user/images").json().getJsonObject("meta").getInt("total"));
        assertEquals(404, get(token, "/user/images/" + java.util.UUID.randomUUID()).status());
        assertEquals(404, get(token, "/user/images/not-a-uuid").status());
    }

    @Test
    void filesAreServedWithCachingHeadersEtagsAnd304() {
        String token = OAuthClient.newToken();
        JsonObject data = upload(token, hashOf(smallPng(40, 30))).json().getJsonObject("data");
        String url = Stack.baseUri() + data.getJsonObject("file").getString("url");

        HttpResponse<byte[]> file = download(url);
        assertEquals(200, file.statusCode());
        assertEquals("image/jpeg", file.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(String.valueOf(file.body().length), file.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElseThrow());
        String etag = file.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.matches("\"[^\"]+\""), etag); // strong: no W/

        Api.Reply head = Api.send(Api.request(data.getJsonObject("file").getString("url")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.status());
        assertEquals(String.valueOf(file.body().length), head.header("Content-Length"));
        assertEquals(etag, head.header("ETag"));

        Api.Reply notModified = Api.get(data.getJsonObject("file").getString("url"), "If-None-Match", etag);
        assertEquals(304, notModified.status());
        assertEquals(etag, notModified.header("ETag"));
        assertEquals(200, Api.get(data.getJsonObject("file").getString("url"), "If-None-Match", "\"other\"").status());
        assertEquals(200, Api.get(data.getJsonObject("file").getString("url"), "If-None-Match", "garbage").status());

        String id = data.getString("id");
        Api.Reply unknown = Api.get("/uploads/image/file/" + id + "/nope.jpg");
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.errorCode());
        assertEquals(404, Api.get("/uploads/image/file/" + id + "/original").status());
        assertEquals(404, Api.get("/uploads/image/file/" + id + "/..%2F..%2Fetc%2Fpasswd").status());
    }

    /** A valid PNG signature and IHDR that claim a size, followed by nothing: a lie the header check must catch. */
    static byte[] pngClaiming(int width, int height) {
        byte[] png = smallPng(1, 1);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17); // chunk type + data of IHDR
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }
}
