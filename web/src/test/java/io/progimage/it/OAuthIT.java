package io.progimage.it;

import io.progimage.it.OAuthClient.Account;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.Map;

import static io.progimage.it.OAuthClient.PASSWORD;
import static io.progimage.it.OAuthClient.allow;
import static io.progimage.it.OAuthClient.authorizeQuery;
import static io.progimage.it.OAuthClient.code;
import static io.progimage.it.OAuthClient.form;
import static io.progimage.it.OAuthClient.hiddenInputs;
import static io.progimage.it.OAuthClient.newAccount;
import static io.progimage.it.OAuthClient.queryOf;
import static io.progimage.it.OAuthClient.submit;
import static io.progimage.it.OAuthClient.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorization code flow (API.md §3), bearer authentication (§3.5) and GET /user (§4). */
@ExtendWith(Stack.class)
class OAuthIT {

    // RFC 7636 Appendix B
    private static final String RFC_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RFC_CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theWholeFlowEndsWithGetUser() {
        Account account = newAccount();
        Api.Reply redirect = allow(account, Map.of("state", "xyz \"&<>"), account.email().toUpperCase(), PASSWORD);
        assertEquals(303, redirect.status());
        String location = redirect.header("Location");
        assertTrue(location.startsWith(account.redirectUrl() + "?code="), location);
        Map<String, String> query = queryOf(location);
        assertEquals("xyz \"&<>", query.get("state"));
        assertTrue(query.get("code").length() >= 22);

        Api.Reply token = token(account, query.get("code"));
        assertEquals(200, token.status(), token.body());
        assertEquals("no-store", token.header("Cache-Control"));
        JsonObject json = token.json();
        assertTrue(json.getString("access_token").matches("[A-Za-z0-9]{64}"));
        assertEquals("bearer", json.getString("token_type"));
        assertEquals(86400, json.getInt("expires_in"));
        assertEquals("api", json.getString("scope"));
        assertTrue(Math.abs(json.getJsonNumber("created_at").longValue() - System.currentTimeMillis() / 1000) < 600);

        Api.Reply me = Api.send(OAuthClient.withBearer("/user", json.getString("access_token")).GET().build());
        assertEquals(200, me.status(), me.body());
        assertEquals(account.userId(), me.json().getString("id"));
        assertEquals(account.email(), me.json().getString("email"));
        assertEquals("Test User", me.json().getString("name"));
    }

    @Test
    void thePageEscapesEverythingItEchoesAndCarriesAnAntiForgeryToken() {
        Account account = newAccount();
        Api.Reply page = Api.get(authorizeQuery(account, Map.of("state", "\"><script>alert(1)</script>")));
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertFalse(page.body().contains("<script>"));
        assertTrue(page.body().contains("&quot;&gt;&lt;script&gt;"));
        assertTrue(page.body().contains("<form method=\"post\" action=\"/oauth/authorize\">"));
        assertTrue(page.body().contains("name=\"decision\" value=\"allow\""));
        assertTrue(page.body().contains("name=\"decision\" value=\"deny\""));
        assertTrue(hiddenInputs(page.body()).containsKey("form_token"));
        assertEquals("DENY", page.header("X-Frame-Options"));
    }

    @Test
    void unknownClientOrForeignRedirectIsAnErrorPageWithoutRedirect() {
        Account account = newAccount();
        Api.Reply unknown = Api.get("/oauth/authorize?client_id=nope&response_type=code&redirect_url=https%3A%2F%2Fevil.example%2F");
        assertEquals(400, unknown.status());
        assertNull(unknown.header("Location"));
        assertTrue(unknown.header("Content-Type").startsWith("text/html"));
        Api.Reply foreign = Api.get(authorizeQuery(account, Map.of("redirect_url", "https://evil.example/callback")));
        assertEquals(400, foreign.status());
        assertNull(foreign.header("Location"));
        Api.Reply duplicated = Api.get(authorizeQuery(account, Map.of()) + "&client_id=" + account.clientId());
        assertEquals(400, duplicated.status());
        assertNull(duplicated.header("Location"));
    }

    @Test
    void redirectUriIsASynonymOfRedirectUrl() {
        Account account = newAccount();
        Api.Reply page = Api.get("/oauth/authorize?" + form(Map.of("client_id", account.clientId(), "response_type", "code",
                "redirect_uri", account.redirectUrl())));
        assertEquals(200, page.status());
    }

    @Test
    void unsupportedResponseTypeIsRedirectedBackWithState() {
        Account account = newAccount();
        Api.Reply reply = Api.get(authorizeQuery(account, Map.of("response_type", "token", "state", "s1")));
        assertEquals(303, reply.status());
        Map<String, String> query = queryOf(reply.header("Location"));
        assertEquals("unsupported_response_type", query.get("error"));
        assertEquals("s1", query.get("state"));
    }

    @Test
    void denyIsRedirectedBackAsAccessDenied() {
        Account account = newAccount();
        Map<String, String> fields = hiddenInputs(Api.get(authorizeQuery(account, Map.of("state", "s2"))).body());
        fields.put("decision", "deny");
        Api.Reply reply = submit(fields);
        assertEquals(303, reply.status());
        assertEquals(Map.of("error", "access_denied", "state", "s2"), queryOf(reply.header("Location")));
    }

    @Test
    void wrongPasswordShowsThePageAgainWith401AndNoRedirect() {
        Account account = newAccount();
        Api.Reply reply = allow(account, Map.of(), account.email(), "wrong password");
        assertEquals(401, reply.status());
        assertNull(reply.header("Location"));
        assertTrue(reply.body().contains("Wrong e-mail or password"));
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer realm=\"progimage\""));
        // the page offers the form again, ready for another try
        assertTrue(hiddenInputs(reply.body()).containsKey("form_token"));
    }

    @Test
    void anAlteredOrForgedFormIsRefused() {
        Account account = newAccount();
        Map<String, String> fields = hiddenInputs(Api.get(authorizeQuery(account, Map.of("state", "s"))).body());
        fields.put("email", account.email());
        fields.put("password", PASSWORD);
        fields.put("decision", "allow");
        Map<String, String> altered = new HashMap<>(fields);
        altered.put("state", "other");
        assertEquals(400, submit(altered).status());
        Map<String, String> forged = new HashMap<>(fields);
        forged.remove("form_token");
        assertEquals(400, submit(forged).status());
        assertEquals(303, submit(fields).status());
    }

    @Test
    void aCodeIsExchangedOnceAndItsReuseRevokesTheToken() {
        Account account = newAccount();
        String code = code(account, Map.of());
        String accessToken = token(account, code).json().getString("access_token");
        assertEquals(200, Api.send(OAuthClient.withBearer("/user", accessToken).GET().build()).status());

        Api.Reply reuse = token(account, code);
        assertEquals(400, reuse.status());
        assertEquals("invalid_grant", reuse.json().getString("error"));
        Api.Reply revoked = Api.send(OAuthClient.withBearer("/user", accessToken).GET().build());
        assertEquals(401, revoked.status());
        assertEquals("Bearer realm=\"progimage\", error=\"invalid_token\"", revoked.header("WWW-Authenticate"));
    }

    @Test
    void tokenEndpointTakesJsonAndHttpBasicToo() {
        Account account = newAccount();
        Api.Reply json = Api.postJson("/oauth/token", Json.createObjectBuilder().add("client_id", account.clientId())
                .add("client_secret", account.clientSecret()).add("code", code(account, Map.of()))
                .add("grant_type", "authorization_code").build());
        assertEquals(200, json.status(), json.body());

        Api.Reply basic = Api.post("/oauth/token", "application/x-www-form-urlencoded",
                form(Map.of("code", code(account, Map.of()), "redirect_uri", account.redirectUrl())),
                "Authorization", OAuthClient.basic(account.clientId(), account.clientSecret()));
        assertEquals(200, basic.status(), basic.body());
    }

    @Test
    void tokenEndpointErrorsFollowRfc6749() {
        Account account = newAccount();
        String code = code(account, Map.of());
        Api.Reply badSecret = Api.post("/oauth/token", "application/x-www-form-urlencoded",
                form(Map.of("client_id", account.clientId(), "client_secret", "wrong", "code", code)));
        assertEquals(401, badSecret.status());
        assertEquals("invalid_client", badSecret.json().getString("error"));
        assertTrue(badSecret.json().containsKey("error_description"));

        Api.Reply badBasic = Api.post("/oauth/token", "application/x-www-form-urlencoded", form(Map.of("code", code)),
                "Authorization", OAuthClient.basic(account.clientId(), "wrong"));
        assertEquals(401, badBasic.status());
        assertEquals("Basic realm=\"progimage\"", badBasic.header("WWW-Authenticate"));

        Api.Reply grantType = Api.post("/oauth/token", "application/x-www-form-urlencoded", form(Map.of("client_id", account.clientId(),
                "client_secret", account.clientSecret(), "code", code, "grant_type", "password")));
        assertEquals(400, grantType.status());
        assertEquals("unsupported_grant_type", grantType.json().getString("error"));

        Api.Reply unknownCode = token(account, "no-such-code");
        assertEquals(400, unknownCode.status());
        assertEquals("invalid_grant", unknownCode.json().getString("error"));

        Api.Reply redirect = Api.post("/oauth/token", "application/x-www-form-urlencoded", form(Map.of("client_id", account.clientId(),
                "client_secret", account.clientSecret(), "code", code, "redirect_url", "https://client.example/other")));
        assertEquals("invalid_grant", redirect.json().getString("error"));

        Api.Reply duplicated = Api.post("/oauth/token", "application/x-www-form-urlencoded",
                form(Map.of("client_id", account.clientId(), "client_secret", account.clientSecret(), "code", code)) + "&code=" + code);
        assertEquals(400, duplicated.status());
        assertEquals("invalid_request", duplicated.json().getString("error"));

        Api.Reply missing = Api.post("/oauth/token", "application/x-www-form-urlencoded",
                form(Map.of("client_id", account.clientId(), "client_secret", account.clientSecret())));
        assertEquals("invalid_request", missing.json().getString("error"));

        // the code survived all of that and still works once
        assertEquals(200, token(account, code).status());
    }

    @Test
    void aCodeIsBoundToItsClient() {
        Account owner = newAccount();
        Account other = newAccount();
        String code = code(owner, Map.of());
        assertEquals("invalid_grant", token(other, code).json().getString("error"));
        assertEquals(200, token(owner, code).status());
    }

    @Test
    void pkceS256WithTheRfc7636TestVector() {
        Account account = newAccount();
        String code = code(account, Map.of("code_challenge", RFC_CHALLENGE, "code_challenge_method", "S256"));
        Map<String, String> base = Map.of("client_id", account.clientId(), "client_secret", account.clientSecret(), "code", code);

        Api.Reply missing = Api.post("/oauth/token", "application/x-www-form-urlencoded", form(base));
        assertEquals("invalid_grant", missing.json().getString("error"));
        Map<String, String> wrong = new HashMap<>(base);
        wrong.put("code_verifier", RFC_VERIFIER.replace('d', 'e'));
        assertEquals("invalid_grant", Api.post("/oauth/token", "application/x-www-form-urlencoded", form(wrong)).json().getString("error"));
        Map<String, String> right = new HashMap<>(base);
        right.put("code_verifier", RFC_VERIFIER);
        assertEquals(200, Api.post("/oauth/token", "application/x-www-form-urlencoded", form(right)).status());
    }

    @Test
    void pkcePlainAndBadChallenges() {
        Account account = newAccount();
        String verifier = "a".repeat(43);
        String code = code(account, Map.of("code_challenge", verifier, "code_challenge_method", "plain"));
        Api.Reply ok = Api.post("/oauth/token", "application/x-www-form-urlencoded", form(Map.of("client_id", account.clientId(),
                "client_secret", account.clientSecret(), "code", code, "code_verifier", verifier)));
        assertEquals(200, ok.status(), ok.body());

        Api.Reply badMethod = Api.get(authorizeQuery(account, Map.of("code_challenge", RFC_CHALLENGE, "code_challenge_method", "S512")));
        assertEquals("invalid_request", queryOf(badMethod.header("Location")).get("error"));
        Api.Reply shortChallenge = Api.get(authorizeQuery(account, Map.of("code_challenge", "abc", "code_challenge_method", "S256")));
        assertEquals("invalid_request", queryOf(shortChallenge.header("Location")).get("error"));
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        Account account = newAccount();
        String code = code(account, Map.of());
        // ten minutes pass: the code's expiry moves into the past instead of the test waiting
        assertEquals(1, Stack.sql("UPDATE oauth_codes SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE code_hash = SHA2(?, 256)", code));
        Api.Reply reply = token(account, code);
        assertEquals(400, reply.status());
        assertEquals("invalid_grant", reply.json().getString("error"));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String accessToken = OAuthClient.newToken();
        assertEquals(200, Api.send(OAuthClient.withBearer("/user", accessToken).GET().build()).status());
        assertEquals(1, Stack.sql("UPDATE oauth_tokens SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE token_hash = SHA2(?, 256)", accessToken));
        Api.Reply reply = Api.send(OAuthClient.withBearer("/user", accessToken).GET().build());
        assertEquals(401, reply.status());
        assertEquals("bad_credentials", reply.errorCode());
    }

    @Test
    void userPathsNeedAValidBearerTokenInTheHeader() {
        String accessToken = OAuthClient.newToken();
        Api.Reply none = Api.get("/user");
        assertEquals(401, none.status());
        assertEquals("Bearer realm=\"progimage\"", none.header("WWW-Authenticate"));
        assertEquals("bad_credentials", none.errorCode());
        assertEquals("*", none.header("Access-Control-Allow-Origin"));

        Api.Reply invalid = Api.get("/user", "Authorization", "Bearer " + "x".repeat(64));
        assertEquals(401, invalid.status());
        assertEquals("Bearer realm=\"progimage\", error=\"invalid_token\"", invalid.header("WWW-Authenticate"));

        Api.Reply inQuery = Api.get("/user?access_token=" + accessToken);
        assertEquals(401, inQuery.status());
        assertTrue(inQuery.header("WWW-Authenticate").startsWith("Bearer realm=\"progimage\""));
        Api.Reply bothPlaces = Api.get("/user?access_token=" + accessToken, "Authorization", "Bearer " + accessToken);
        assertEquals(401, bothPlaces.status());

        Api.Reply deeper = Api.get("/user/images", "Authorization", "Bearer nope");
        assertEquals(401, deeper.status());
    }
}
