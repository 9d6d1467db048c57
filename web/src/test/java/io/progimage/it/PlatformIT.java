package io.progimage.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every response shares (API.md §1, §8, §10), on the real stack. */
@ExtendWith(Stack.class)
class PlatformIT {

    private static final String EXPOSED = "Location, Link, Retry-After, ETag, X-RateLimit-Limit, X-RateLimit-Remaining, "
            + "X-RateLimit-Reset, RateLimit-Policy, RateLimit";

    @Test
    void unknownPathIsA404WithTheErrorBodyAndCors() {
        Api.Reply reply = Api.get("/no-such-path");
        assertEquals(404, reply.status());
        assertEquals("not_found", reply.errorCode());
        assertFalse(reply.json().getJsonObject("error").getString("message").isBlank());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        assertEquals("*", reply.header("Access-Control-Allow-Origin"));
        assertEquals(EXPOSED, reply.header("Access-Control-Expose-Headers"));
    }

    @Test
    void preflightOnAnyPathIs204WithTheHeadersOfSection8() {
        Api.Reply reply = Api.send(Api.request("/user/images")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://a.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, X-Custom")
                .build());
        assertEquals(204, reply.status());
        assertEquals("*", reply.header("Access-Control-Allow-Origin"));
        assertEquals("GET, HEAD, POST, OPTIONS", reply.header("Access-Control-Allow-Methods"));
        assertEquals("Authorization, Content-Type, X-Custom", reply.header("Access-Control-Allow-Headers"));
        assertEquals("86400", reply.header("Access-Control-Max-Age"));
        assertEquals(EXPOSED, reply.header("Access-Control-Expose-Headers"));
    }

    @Test
    void preflightWithoutRequestedHeadersStillAllowsAuthorizationAndContentType() {
        Api.Reply reply = Api.send(Api.request("/oauth/token")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://a.example")
                .header("Access-Control-Request-Method", "POST")
                .build());
        assertEquals(204, reply.status());
        assertEquals("Authorization, Content-Type", reply.header("Access-Control-Allow-Headers"));
    }

    @Test
    void livenessIsUp() {
        Api.Reply reply = Api.get("/health/live");
        assertEquals(200, reply.status());
        assertEquals("UP", reply.json().getString("status"));
    }

    @Test
    void theIntegrationSuiteRunsOnTheNativeCodecs() {
        // server-config/micro/start puts Debian's TurboJPEG binding on the server class path;
        // the build installed its packages (server-config/native-codecs)
        JsonObject codecs = Api.get("/health/live").json().getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(check -> check.getString("name").equals("imaging-codecs")).findFirst().orElseThrow();
        assertEquals("UP", codecs.getString("status"));
        String describe = codecs.getJsonObject("data").getString("codecs");
        assertTrue(describe.startsWith("JPEG: libjpeg-turbo") && describe.contains("WebP: libwebp"), describe);
    }

    @Test
    void readinessChecksTheDatabaseAndAJmsRoundTripThroughTheDeployedResources() {
        Api.Reply reply = Api.get("/health/ready");
        assertEquals(200, reply.status());
        JsonObject broker = reply.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("broker")).findFirst().orElseThrow();
        assertEquals("UP", broker.getString("status"));
        // the check sent a message to jms/healthQueue through jms/workCF and received it back
        assertEquals("true", broker.getJsonObject("data").getString("roundTrip"));
        assertTrue(reply.body().contains("\"database\""));
    }

    @Test
    void openApiDocumentIsServed() {
        Api.Reply reply = Api.get("/openapi");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("title: ProgImage"), reply.body());
    }

    @Test
    void wrongMethodIs405WithAllowAndTheErrorBody() {
        Api.Reply reply = Api.send(Api.request("/users").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").build());
        assertEquals(405, reply.status());
        assertEquals("method_not_allowed", reply.errorCode());
        assertTrue(reply.header("Allow").contains("POST"));
        assertEquals("*", reply.header("Access-Control-Allow-Origin"));
    }

    @Test
    void unsupportedContentTypeIs415() {
        Api.Reply reply = Api.post("/users", "text/plain", "name=a");
        assertEquals(415, reply.status());
        assertEquals("unsupported_media_type", reply.errorCode());
        assertEquals("*", reply.header("Access-Control-Allow-Origin"));
    }

    @Test
    void malformedJsonIs400() {
        Api.Reply reply = Api.post("/users", "application/json", "{\"name\": \"a\",");
        assertEquals(400, reply.status());
        assertEquals("bad_request", reply.errorCode());
        assertEquals(400, Api.post("/users", "application/json", "[1, 2]").status());
    }

    @Test
    void bodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        String answer = Api.headersOnly("/users", Stack.MAX_BODY_BYTES + 1);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"code\":\"payload_too_large\""), answer);
        assertTrue(answer.contains("Access-Control-Allow-Origin: *"), answer);
    }

    @Test
    void chunkedBodyOverTheLimitIs413Too() {
        byte[] body = ("{\"name\": \"" + "a".repeat(Stack.MAX_BODY_BYTES) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // ofInputStream has no known length: sent chunked, without Content-Length
        Api.Reply reply = Api.send(Api.request("/users").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build());
        assertEquals(413, reply.status());
        assertEquals("payload_too_large", reply.errorCode());
    }

    @Test
    void errorBodiesNeverCarryStackTracesOrClassNames() {
        for (Api.Reply reply : new Api.Reply[]{Api.get("/no-such-path"), Api.post("/users", "application/json", "{"),
                Api.post("/users", "text/plain", "x")}) {
            assertFalse(reply.body().contains("Exception"), reply.body());
            assertFalse(reply.body().contains("java."), reply.body());
            assertFalse(reply.body().contains("\tat "), reply.body());
        }
    }
}
