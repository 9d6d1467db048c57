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
}
