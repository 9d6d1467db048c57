package io.progimage.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.smallPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk completion webhook (issue 14 §4) against a receiver the test starts on 127.0.0.1. The
 * second node allows private addresses and plain http (and retries after 3 s), so it can call the
 * receiver; the first keeps the production defaults and must refuse such a callback_url before
 * anything is stored. Every wait polls the API with a deadline ({@link Statuses}).
 */
@ExtendWith(Stack.class)
class WebhookIT {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private static Receiver receiver;

    @BeforeAll
    static void start() throws IOException {
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    /** A user with an application and a token, and the webhook secret the registration showed. */
    record Client(OAuthClient.Account account, String token, String webhookSecret) {
    }

    static Client newClient() {
        String email = OAuthClient.uniqueEmail();
        Api.Reply user = OAuthClient.signUp("Webhook User", email, OAuthClient.PASSWORD);
        assertEquals(201, user.status(), user.body());
        String redirect = "https://client.example/callback";
        Api.Reply app = OAuthClient.registerApplication(email, OAuthClient.PASSWORD, "Webhook App", redirect);
        assertEquals(201, app.status(), app.body());
        JsonObject registered = app.json();
        String secret = registered.getString("webhook_secret");
        assertTrue(secret.matches("whsec_[A-Za-z0-9]{40}"), secret);
        OAuthClient.Account account = new OAuthClient.Account(user.json().getString("id"), email,
                registered.getString("client_id"), registered.getString("client_secret"), redirect);
        String token = OAuthClient.token(account, OAuthClient.code(account, Map.of())).json().getString("access_token");
        return new Client(account, token, secret);
    }

    static Api.Reply bulk(URI node, String token, String callbackUrl, JsonArrayBuilder items) {
        String body = Json.createObjectBuilder().add("process", items).add("callback_url", callbackUrl).build().toString();
        return Api.send(Api.request(node, "/user/images").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonArrayBuilder twoImages() {
        return Json.createArrayBuilder().add(hashOf(smallPng(30, 20))).add(hashOf(smallPng(20, 30)).add("filter", "lomo"));
    }

    private static boolean delivered(JsonObject bulk) {
        return bulk.containsKey("webhook") && bulk.getJsonObject("webhook").getString("status").equals("delivered");
    }

    @Test
    void aReceiverThatFailsTheFirstAttemptGetsExactlyOneAcceptedCorrectlySignedDelivery() throws Exception {
        URI node = Stack.secondNodeUri();
        Client client = newClient();
        String path = "/fails-first/" + java.util.UUID.randomUUID();
        receiver.failFirst(path);
        Api.Reply accepted = bulk(node, client.token(), receiver.url(path), twoImages());
        assertEquals(202, accepted.status(), accepted.body());
        String bulkId = accepted.json().getString("bulk_id");
        List<String> ids = accepted.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(image -> image.getString("id")).toList();

        JsonObject bulk = Statuses.awaitBulk(node, client.token(), bulkId, WebhookIT::delivered, DEADLINE);

        // what the receiver saw: the failed attempt and the accepted one, the same delivery, nothing more
        List<Receiver.Request> got = receiver.requests(path);
        assertEquals(2, got.size(), "attempts received: " + got);
        assertEquals(500, got.get(0).answered());
        assertEquals(204, got.get(1).answered());
        assertEquals(1, got.stream().filter(request -> request.answered() / 100 == 2).count(), "exactly one accepted delivery");
        assertEquals(got.get(0).header("progimage-delivery"), got.get(1).header("progimage-delivery"));
        Receiver.Request delivery = got.get(1);
        assertTrue(verifies(delivery, client.webhookSecret()), "signed with the secret shown at registration: " + delivery);
        assertFalse(verifies(delivery, client.webhookSecret() + "x"));

        JsonObject document = delivery.json();
        assertEquals("bulk.settled", document.getString("type"));
        assertEquals(bulkId, document.getString("bulk_id"));
        JsonObject counts = document.getJsonObject("counts");
        assertEquals(2, counts.getInt("total"));
        assertEquals(2, counts.getInt("ready"));
        assertEquals(0, counts.getInt("pending") + counts.getInt("failed") + counts.getInt("deleted"));
        List<JsonObject> images = document.getJsonArray("images").getValuesAs(JsonObject.class);
        assertEquals(ids, images.stream().map(image -> image.getString("id")).toList(), "the items in request order");
        images.forEach(image -> {
            assertEquals("ready", image.getString("status"));
            assertTrue(image.getString("url").startsWith(node.toString().replaceAll("/$", "") + "/uploads/image/file/"), image.toString());
        });

        // and what GET /user/bulks/{id} shows of it: both attempts with their outcomes
        assertEquals(delivery.header("progimage-delivery"), bulk.getJsonObject("webhook").getString("delivery_id"));
        List<JsonObject> attempts = bulk.getJsonObject("webhook").getJsonArray("attempts").getValuesAs(JsonObject.class);
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals(1, attempts.get(0).getInt("attempt"));
        assertEquals("failed", attempts.get(0).getString("outcome"));
        assertEquals(500, attempts.get(0).getInt("http_status"));
        assertEquals("delivered", attempts.get(1).getString("outcome"));
        assertEquals(204, attempts.get(1).getInt("http_status"));
        assertEquals(2, bulk.getJsonObject("counts").getInt("ready"));
        assertEquals(ids, bulk.getJsonArray("images").getValuesAs(JsonObject.class).stream().map(image -> image.getString("id")).toList());
        assertEquals(receiver.url(path), bulk.getString("callback_url"));
        assertFalse(bulk.isNull("settled_at"));
    }

    @Test
    void whereAddressesMustBePublicAPrivateCallbackIsRefusedBeforeAnythingIsStoredAndNeverCalled() {
        Client client = newClient();
        String path = "/never/" + java.util.UUID.randomUUID();
        String url = receiver.url(path);
        int port = URI.create(url).getPort();
        for (String callback : List.of("https://127.0.0.1:" + port + path, "https://localhost:" + port + path,
                "https://[::1]:" + port + path, "https://10.1.2.3/hook", "https://169.254.169.254/latest")) {
            Api.Reply refused = bulk(Stack.baseUri(), client.token(), callback, twoImages());
            assertEquals(422, refused.status(), callback + " " + refused.body());
            assertEquals("invalid_request", refused.errorCode());
            assertEquals("callback_url", Uploads.field(refused), callback);
        }
        Api.Reply plainHttp = bulk(Stack.baseUri(), client.token(), url, twoImages());
        assertEquals(422, plainHttp.status(), plainHttp.body());
        assertEquals("callback_url", Uploads.field(plainHttp));
        assertEquals(0, Uploads.get(client.token(), "/user/images").json().getJsonObject("meta").getInt("total"), "nothing stored");
        assertEquals(List.of(), receiver.requests(path), "the receiver was never called");
    }

    @Test
    void aUserHasAtMostTheConfiguredNumberOfBulksWithACallbackOpen() throws Exception {
        URI node = Stack.secondNodeUri(); // at most 2 there (Stack)
        Client client = newClient();
        // a name that does not resolve: accepted (it may by the time the bulk settles), its
        // attempts fail and are retried, so these deliveries stay open
        String nowhere = "http://no-such-host.invalid/hook";
        for (int i = 0; i < 2; i++) {
            Api.Reply accepted = bulk(node, client.token(), nowhere, Json.createArrayBuilder().add(hashOf(smallPng(8, 8))));
            assertEquals(202, accepted.status(), accepted.body());
        }
        Api.Reply third = bulk(node, client.token(), nowhere, Json.createArrayBuilder().add(hashOf(smallPng(8, 8))));
        assertEquals(422, third.status(), third.body());
        assertEquals("callback_url", Uploads.field(third));
        assertTrue(third.body().contains("at most 2"), third.body());
        Api.Reply withoutCallback = BulkIT.bulk(node, client.token(), Json.createArrayBuilder().add(hashOf(smallPng(8, 8))));
        assertEquals(202, withoutCallback.status(), "a bulk without a callback is not bounded by it");
        Api.Reply otherUser = bulk(node, newClient().token(), nowhere, Json.createArrayBuilder().add(hashOf(smallPng(8, 8))));
        assertEquals(202, otherUser.status(), "the bound is per user");
    }

    @Test
    void aCallbackBesideASingleHashIsIgnoredAsAnyUnknownKeyWas() {
        Client client = newClient();
        String body = Json.createObjectBuilder().add("process", hashOf(smallPng(8, 8))).add("callback_url", receiver.url("/single"))
                .build().toString();
        Api.Reply single = Api.send(Api.request("/user/images").header("Authorization", "Bearer " + client.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(201, single.status(), single.body());
    }

    @Test
    void aReplacedSecretSignsTheNextDeliveryAndTheOldOneNoLonger() throws Exception {
        URI node = Stack.secondNodeUri();
        Client client = newClient();
        String clientId = client.account().clientId();

        Api.Reply wrongPassword = Api.send(Api.request("/oauth/applications/" + clientId + "/webhook-secret")
                .header("Authorization", OAuthClient.basic(client.account().email(), "not the password"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(401, wrongPassword.status());
        Client stranger = newClient();
        Api.Reply notTheirs = Api.send(Api.request("/oauth/applications/" + clientId + "/webhook-secret")
                .header("Authorization", OAuthClient.basic(stranger.account().email(), OAuthClient.PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(404, notTheirs.status(), "another user's application does not exist");

        Api.Reply asAForm = Api.send(Api.request("/oauth/applications/" + clientId + "/webhook-secret")
                .header("Authorization", OAuthClient.basic(client.account().email(), OAuthClient.PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=b")).build());
        assertEquals(415, asAForm.status(), "what a page on another site could send: " + asAForm.body());

        Api.Reply replaced = Api.send(Api.request("/oauth/applications/" + clientId + "/webhook-secret")
                .header("Authorization", OAuthClient.basic(client.account().email(), OAuthClient.PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, replaced.status(), replaced.body());
        assertEquals("no-store", replaced.header("Cache-Control"));
        String newSecret = replaced.json().getString("webhook_secret");
        assertEquals(clientId, replaced.json().getString("client_id"));
        assertNotEquals(client.webhookSecret(), newSecret);

        String path = "/rotated/" + java.util.UUID.randomUUID();
        Api.Reply accepted = bulk(node, client.token(), receiver.url(path), Json.createArrayBuilder().add(hashOf(smallPng(16, 16))));
        assertEquals(202, accepted.status(), accepted.body());
        Statuses.awaitBulk(node, client.token(), accepted.json().getString("bulk_id"), WebhookIT::delivered, DEADLINE);
        List<Receiver.Request> got = receiver.requests(path);
        assertEquals(1, got.size(), got.toString());
        assertTrue(verifies(got.get(0), newSecret), "the new secret signs");
        assertFalse(verifies(got.get(0), client.webhookSecret()), "the old one no longer does");
    }

    /**
     * What a receiver does (docs/decisions.md): HMAC-SHA256 keyed with the secret over
     * {@code "<t>." + body}, compared with {@code v1} in constant time, {@code t} within 5 minutes.
     */
    static boolean verifies(Receiver.Request request, String secret) throws GeneralSecurityException {
        String header = request.header("progimage-signature");
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        byte[] expected = HexFormat.of().formatHex(mac.doFinal(request.body())).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The receiving end: records every request per path with its headers and raw body, answers
     * 204, or 500 to the first request of a path marked with {@link #failFirst}.
     */
    static final class Receiver implements AutoCloseable {

        record Request(Map<String, String> headers, byte[] body, int answered) {
            String header(String name) {
                return headers.get(name);
            }

            JsonObject json() {
                try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                    return reader.readObject();
                }
            }

            @Override
            public String toString() {
                return answered + " " + headers;
            }
        }

        private final HttpServer server;
        private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    Map<String, String> headers = new ConcurrentHashMap<>();
                    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
                    AtomicInteger seen = failFirst.get(path);
                    int status = seen != null && seen.getAndIncrement() == 0 ? 500 : 204;
                    // recorded before answering: when the service has recorded the answer, the test sees the request
                    requests.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Request(headers, body, status));
                    exchange.sendResponseHeaders(status, -1);
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void failFirst(String path) {
            failFirst.put(path, new AtomicInteger());
        }

        List<Request> requests(String path) {
            return List.copyOf(requests.getOrDefault(path, List.of()));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
