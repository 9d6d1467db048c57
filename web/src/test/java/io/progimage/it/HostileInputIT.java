package io.progimage.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.smallPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile bodies and parameters are the client's error (4xx in the contract's format), never a 500. */
@ExtendWith(Stack.class)
class HostileInputIT {

    @Test
    void deeplyNestedJsonIsABadRequestOnEveryJsonEndpoint() {
        String token = OAuthClient.newToken();
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Api.Reply upload = Api.post("/user/images", "application/json", "{\"process\":" + deep + "}", "Authorization", "Bearer " + token);
        assertEquals(400, upload.status(), upload.body());
        assertEquals("bad_request", upload.errorCode());
        String deepObjects = "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000);
        Api.Reply signUp = Api.post("/users", "application/json", deepObjects);
        assertEquals(400, signUp.status(), signUp.body());
        assertEquals("bad_request", signUp.errorCode());
        Api.Reply tokenRequest = Api.post("/oauth/token", "application/json", "{\"client_id\":" + deep + "}");
        assertEquals(400, tokenRequest.status(), tokenRequest.body());
        assertEquals("invalid_request", tokenRequest.json().getString("error"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedAtEveryDepth() {
        String token = OAuthClient.newToken();
        String image = Json.createValue(java.util.Base64.getEncoder().encodeToString(smallPng(8, 8))).toString();
        Api.Reply single = Api.post("/user/images", "application/json",
                "{\"process\":{\"file\":" + image + ",\"quality\":10,\"quality\":95}}", "Authorization", "Bearer " + token);
        assertEquals(422, single.status(), single.body());
        assertEquals("process.quality", Uploads.field(single));
        Api.Reply bulk = Api.post("/user/images", "application/json",
                "{\"process\":[{\"file\":" + image + "},{\"file\":" + image + ",\"filter\":\"lomo\",\"filter\":\"gotham\"}]}",
                "Authorization", "Bearer " + token);
        assertEquals(422, bulk.status(), bulk.body());
        assertEquals("process[1].filter", Uploads.field(bulk));
        Api.Reply tokenRequest = Api.post("/oauth/token", "application/json", "{\"client_id\":\"a\",\"client_id\":\"b\",\"code\":\"c\"}");
        assertEquals(400, tokenRequest.status(), tokenRequest.body());
        assertEquals("invalid_request", tokenRequest.json().getString("error"));
        assertTrue(tokenRequest.json().getString("error_description").contains("client_id"), tokenRequest.body());
    }

    @Test
    void aFormTokenWithAnAbsurdTimestampIsTheForgedFormPage() {
        OAuthClient.Account account = OAuthClient.newAccount();
        Api.Reply page = Api.get(OAuthClient.authorizeQuery(account, Map.of("state", "s")));
        Map<String, String> fields = OAuthClient.hiddenInputs(page.body());
        for (String forged : new String[]{"9223372036854775807.x", "-9223372036854775808.x", "99999999999999999999.x", "1.", "."}) {
            fields.put("form_token", forged);
            fields.put("email", account.email());
            fields.put("password", OAuthClient.PASSWORD);
            fields.put("decision", "allow");
            Api.Reply reply = OAuthClient.submit(fields);
            assertEquals(400, reply.status(), forged + ": " + reply.body());
            assertTrue(reply.header("Content-Type").startsWith("text/html"), forged + ": " + reply.header("Content-Type"));
            assertEquals(null, reply.header("Location"), forged);
        }
    }

    @Test
    void theLargestOffsetGivesLinksWithoutOverflow() {
        String token = OAuthClient.newToken();
        assertEquals(201, Uploads.upload(token, hashOf(smallPng(8, 8))).status());
        Api.Reply page = Uploads.get(token, "/user/images?offset=2147483647&limit=100");
        assertEquals(200, page.status(), page.body());
        assertEquals(2147483647, page.json().getJsonObject("meta").getInt("offset"));
        String link = page.header("Link");
        assertTrue(link.contains("offset=2147483547&limit=100>; rel=\"prev\""), link);
        assertFalse(link.contains("-"), link);
        assertFalse(link.contains("rel=\"next\""), link);
        Api.Reply beyond = Uploads.get(token, "/user/images?offset=2147483648");
        assertEquals(422, beyond.status(), beyond.body());
    }

    @Test
    void bodiesThatCannotBeReadAre4xx() {
        String token = OAuthClient.newToken();
        Api.Reply charset = Api.post("/users", "application/json; charset=bogus", "{}");
        assertEquals(415, charset.status(), charset.body());
        assertEquals("unsupported_media_type", charset.errorCode());
        Api.Reply multipart = Api.post("/user/images", "multipart/form-data; boundary=zz", "--zz\r\nbroken", "Authorization", "Bearer " + token);
        assertTrue(multipart.status() >= 400 && multipart.status() < 500, multipart.status() + " " + multipart.body());
        Api.Reply noBoundary = Api.post("/user/images", "multipart/form-data", "--zz\r\n\r\n--zz--", "Authorization", "Bearer " + token);
        assertTrue(noBoundary.status() >= 400 && noBoundary.status() < 500, noBoundary.status() + " " + noBoundary.body());
        Api.Reply hugeExponent = Uploads.upload(token, hashOf(smallPng(8, 8)).add("quality", Json.createValue(new java.math.BigDecimal("1e1000000000"))));
        assertEquals(422, hugeExponent.status(), hugeExponent.body());
        assertEquals("process.quality", Uploads.field(hugeExponent));
    }
}
