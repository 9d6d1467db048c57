package io.progimage.webhooks.control;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook's POST under the remote-file address rules, against a receiver on 127.0.0.1. */
class CallbackPostsTest {

    private static final CallbackPosts.Settings STRICT = new CallbackPosts.Settings(false, false, Duration.ofSeconds(1), Duration.ofSeconds(2));
    private static final CallbackPosts.Settings LOCAL = new CallbackPosts.Settings(true, true, Duration.ofSeconds(1), Duration.ofSeconds(2));

    private HttpServer receiver;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                received.put(path, exchange.getRequestBody().readAllBytes());
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                switch (path) {
                    case "/ok" -> exchange.sendResponseHeaders(204, -1);
                    case "/broken" -> exchange.sendResponseHeaders(500, -1);
                    case "/moved" -> {
                        exchange.getResponseHeaders().add("Location", "/ok");
                        exchange.sendResponseHeaders(302, -1);
                    }
                    case "/chatty" -> {
                        exchange.sendResponseHeaders(200, 0); // chunked, far more than anyone should read
                        try (OutputStream out = exchange.getResponseBody()) {
                            byte[] chunk = new byte[64 * 1024];
                            for (int i = 0; i < 1024; i++) {
                                out.write(chunk);
                            }
                        } catch (IOException hungUp) {
                            // expected: the client reads the status and drops the connection
                        }
                    }
                    case "/silent" -> release.await(); // never answers while the test runs
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void theFormIsHttpsWithAHostAndNothingElse() throws Exception {
        try (CallbackPosts posts = new CallbackPosts(STRICT)) {
            assertDoesNotThrow(() -> posts.checked("https://frame.example.org/hooks?x=1"));
            for (String url : List.of("http://frame.example.org/hooks", "ftp://frame.example.org/", "https:///nohost",
                    "https://user:pw@frame.example.org/", "https://frame.example.org/#part", "not a url",
                    "https://frame.example.org/" + "a".repeat(2000))) {
                assertThrows(CallbackPosts.Refused.class, () -> posts.checked(url), url);
            }
        }
        try (CallbackPosts posts = new CallbackPosts(LOCAL)) {
            assertDoesNotThrow(() -> posts.checked("http://frame.example.org/hooks"), "http where the operator allows it");
        }
    }

    @Test
    void atRequestTimeAHostOnANonPublicAddressIsRefusedAndOneThatDoesNotResolveYetIsNot() throws Exception {
        try (CallbackPosts posts = new CallbackPosts(STRICT)) {
            for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook", "https://10.1.2.3/",
                    "https://169.254.169.254/latest", "https://[::ffff:192.168.0.1]/")) {
                CallbackPosts.Refused refused = assertThrows(CallbackPosts.Refused.class, () -> posts.check(url), url);
                assertEquals("resolves to an address that is not public", refused.getMessage());
            }
            assertDoesNotThrow(() -> posts.check("https://progimage-webhook-test.invalid/hook"), "checked again at every attempt");
        }
        try (CallbackPosts posts = new CallbackPosts(LOCAL)) {
            assertDoesNotThrow(() -> posts.check("https://127.0.0.1/hook"));
        }
    }

    @Test
    void aPostCarriesTheHeadersAndBodyAndReturnsTheStatus() throws Exception {
        byte[] body = "{\"type\":\"bulk.settled\"}".getBytes(StandardCharsets.UTF_8);
        try (CallbackPosts posts = new CallbackPosts(LOCAL)) {
            CallbackPosts.Answer ok = posts.post(url("/ok"), Map.of("ProgImage-Delivery", "d-1", "Content-Type", "application/json"), body);
            assertEquals(204, ok.status());
            assertTrue(ok.delivered());
            assertNull(ok.error());
            assertArrayEquals(body, received.get("/ok"));
            assertEquals("d-1", headers.get("progimage-delivery"));
            assertTrue(headers.get("content-type").startsWith("application/json"), headers.toString());

            CallbackPosts.Answer broken = posts.post(url("/broken"), Map.of(), body);
            assertEquals(500, broken.status());
            assertTrue(!broken.delivered());
        }
    }

    @Test
    void aRedirectIsNotFollowedAndALongAnswerIsNotRead() throws Exception {
        try (CallbackPosts posts = new CallbackPosts(LOCAL)) {
            CallbackPosts.Answer moved = posts.post(url("/moved"), Map.of(), new byte[]{'{', '}'});
            assertEquals(302, moved.status());
            assertTrue(!moved.delivered());
            assertEquals(1, requests.get(), "the Location was never requested");
            assertEquals(200, posts.post(url("/chatty"), Map.of(), new byte[]{'{', '}'}).status());
        }
    }

    @Test
    void atDeliveryTimeANonPublicAddressIsRefusedBeforeAnyConnection() throws Exception {
        try (CallbackPosts posts = new CallbackPosts(new CallbackPosts.Settings(false, true, Duration.ofSeconds(1), Duration.ofSeconds(2)))) {
            CallbackPosts.Answer refused = posts.post(url("/ok"), Map.of(), new byte[]{'{', '}'});
            assertEquals(0, refused.status());
            assertEquals("the callback URL's host resolves to an address that is not public", refused.error());
            assertEquals(0, requests.get());
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerIsCutOffAtTheDeadline() throws Exception {
        try (CallbackPosts posts = new CallbackPosts(LOCAL)) {
            CallbackPosts.Answer silent = posts.post(url("/silent"), Map.of(), new byte[]{'{', '}'});
            assertEquals(0, silent.status());
            assertEquals("no answer from the receiver within 2 s (refused, unreachable or too slow)", silent.error());
        }
    }
}
