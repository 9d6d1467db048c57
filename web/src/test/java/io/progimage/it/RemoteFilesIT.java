package io.progimage.it;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.progimage.it.Uploads.field;
import static io.progimage.it.Uploads.smallPng;
import static io.progimage.it.Uploads.testImage;
import static io.progimage.it.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code remote_file_url} (API.md §7). The first node keeps the production default and must
 * refuse every non-public address before connecting; the second node allows private addresses,
 * so that fetching, redirects and limits can be shown against a server on 127.0.0.1.
 */
@ExtendWith(Stack.class)
class RemoteFilesIT {

    private static RemoteServer remote;
    private static URI permissive;

    @BeforeAll
    static void start() throws Exception {
        remote = new RemoteServer();
        remote.serve("/photo.jpg", testImage("mate-LadyBird.jpg"));
        remote.serve("/small.png", smallPng(64, 48));
        remote.serve("/page.html", "<html><body>not an image</body></html>".getBytes());
        permissive = Stack.secondNodeUri();
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    private static Api.Reply fetch(URI node, String token, String url) {
        return upload(node, token, Json.createObjectBuilder().add("remote_file_url", url).add("thumb_w", 80));
    }

    @Test
    void nonPublicAddressesAreRefusedBeforeAnyConnection() {
        String token = OAuthClient.newToken();
        int port = remote.port();
        int before = remote.requests();
        for (String url : List.of(
                "http://127.0.0.1:" + port + "/small.png",
                "http://localhost:" + port + "/small.png",
                "http://[::1]:" + port + "/small.png",
                "http://[::ffff:127.0.0.1]:" + port + "/small.png",
                "http://0.0.0.0:" + port + "/small.png",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/a.jpg",
                "http://192.168.0.1/a.jpg",
                "http://172.16.5.4/a.jpg",
                "http://[fd00::1]/a.jpg",
                "http://[fe80::1]/a.jpg",
                "http://224.0.0.1/a.jpg",
                "http://2130706433:" + port + "/small.png")) { // 127.0.0.1 as one decimal number
            Api.Reply reply = fetch(Stack.baseUri(), token, url);
            assertEquals(422, reply.status(), url + " " + reply.body());
            assertEquals("process.remote_file_url", field(reply), url);
        }
        assertEquals(before, remote.requests(), "a refused URL must never be fetched");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        String token = OAuthClient.newToken();
        for (String url : List.of("file:///etc/passwd", "ftp://example.com/a.jpg", "gopher://example.com/", "not a url", "http:///nohost")) {
            Api.Reply reply = fetch(Stack.baseUri(), token, url);
            assertEquals(422, reply.status(), url);
            assertEquals("process.remote_file_url", field(reply));
        }
    }

    @Test
    void aRemoteImageIsFetchedAndProcessed() {
        String token = OAuthClient.newToken();
        Api.Reply reply = fetch(permissive, token, remote.url("/photo.jpg"));
        assertEquals(201, reply.status(), reply.body());
        assertEquals("ready", reply.json().getJsonObject("data").getString("status"));
        assertTrue(reply.json().getJsonObject("data").getInt("width") > 0);
    }

    @Test
    void upToThreeRedirectsAreFollowedAndAFourthIsRefused() {
        String token = OAuthClient.newToken();
        assertEquals(201, fetch(permissive, token, remote.url("/redirect/3/small.png")).status());
        Api.Reply tooMany = fetch(permissive, token, remote.url("/redirect/4/small.png"));
        assertEquals(422, tooMany.status());
        assertTrue(tooMany.json().getJsonObject("error").getString("message").contains("redirect"));
    }

    @Test
    void notFoundNotAnImageTooBigAndTooSlowAreAll422() {
        String token = OAuthClient.newToken();
        for (String path : List.of("/missing.jpg", "/page.html", "/huge", "/never-finishes")) {
            Api.Reply reply = fetch(permissive, token, remote.url(path));
            assertEquals(422, reply.status(), path + " " + reply.body());
            assertEquals("invalid_request", reply.errorCode());
            assertEquals("process.remote_file_url", field(reply), path);
        }
        assertEquals(0, Uploads.get(token, "/user/images").json().getJsonObject("meta").getInt("total"));
    }

    @Test
    void aServerThatTricklesItsHeadersIsCutOffAtTheTotalTimeout() throws Exception {
        // one byte every half second: the head alone would take about half a minute, and no single
        // read waits long, so only a deadline over the whole exchange (node 2: 5 s) can end it
        byte[] png = smallPng(64, 48);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + png.length + "\r\n\r\n";
        try (TricklingServer trickling = new TricklingServer(head, png, Duration.ofMillis(500))) {
            String token = OAuthClient.newToken();
            Api.Reply reply = fetch(permissive, token, trickling.url("/trickled.png"));
            assertEquals(422, reply.status(), reply.body());
            assertEquals("invalid_request", reply.errorCode());
            assertEquals("process.remote_file_url", field(reply));
            // the node closed the connection while the head was still coming, rather than read it to the end
            assertTrue(trickling.hungUp().await(60, TimeUnit.SECONDS), "the node must hang up on the trickling server");
        }
    }
}
