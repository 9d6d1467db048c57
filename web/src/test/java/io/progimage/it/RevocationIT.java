package io.progimage.it;

import io.progimage.it.OAuthClient.Account;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.progimage.it.OAuthClient.basic;
import static io.progimage.it.OAuthClient.code;
import static io.progimage.it.OAuthClient.form;
import static io.progimage.it.OAuthClient.newAccount;
import static io.progimage.it.OAuthClient.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Token revocation (RFC 7009, {@code POST /oauth/revoke}) on the two-node stack: a token revoked
 * through either node is refused by both from the next request on.
 */
@ExtendWith(Stack.class)
class RevocationIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String INVALID_TOKEN = "Bearer realm=\"progimage\", error=\"invalid_token\"";

    @Test
    void revokedWithFormAndBasicItIsRefusedOnBothNodes() throws Exception {
        Account account = newAccount();
        String accessToken = tokenFor(account);
        URI second = Stack.secondNodeUri();
        // both nodes have read the token before: neither may keep that answer
        assertEquals(200, user(Stack.baseUri(), accessToken).status());
        assertEquals(200, user(second, accessToken).status());

        Api.Reply revoke = revoke(Stack.baseUri(), FORM, form(Map.of("token", accessToken, "token_type_hint", "access_token")),
                "Authorization", basic(account.clientId(), account.clientSecret()));
        assertEquals(200, revoke.status(), revoke.body());
        assertEquals("", revoke.body());

        assertRefusedOnBothNodes(accessToken);
    }

    @Test
    void revokedWithCredentialsInTheFormBodyThroughTheSecondNode() throws Exception {
        Account account = newAccount();
        String accessToken = tokenFor(account);
        assertEquals(200, user(Stack.baseUri(), accessToken).status());

        // RFC 7009 §2.1: a hint the server does not know is ignored, not an error
        Api.Reply revoke = revoke(Stack.secondNodeUri(), FORM, form(Map.of("client_id", account.clientId(),
                "client_secret", account.clientSecret(), "token", accessToken, "token_type_hint", "no_such_type")));
        assertEquals(200, revoke.status(), revoke.body());

        assertRefusedOnBothNodes(accessToken);
    }

    @Test
    void revokedWithCredentialsInAJsonBody() throws Exception {
        Account account = newAccount();
        String accessToken = tokenFor(account);
        Api.Reply revoke = revoke(Stack.baseUri(), "application/json", Json.createObjectBuilder().add("client_id", account.clientId())
                .add("client_secret", account.clientSecret()).add("token", accessToken).build().toString());
        assertEquals(200, revoke.status(), revoke.body());

        assertRefusedOnBothNodes(accessToken);
    }

    @Test
    void anUnknownOrAlreadyRevokedTokenIs200() {
        Account account = newAccount();
        Map<String, String> credentials = Map.of("client_id", account.clientId(), "client_secret", account.clientSecret());
        assertEquals(200, revoke(Stack.baseUri(), FORM, form(with(credentials, "token", "x".repeat(64)))).status());
        assertEquals(200, revoke(Stack.baseUri(), FORM, form(with(credentials, "token", "not even token-shaped"))).status());

        String accessToken = tokenFor(account);
        assertEquals(200, revoke(Stack.baseUri(), FORM, form(with(credentials, "token", accessToken))).status());
        Api.Reply again = revoke(Stack.baseUri(), FORM, form(with(credentials, "token", accessToken)));
        assertEquals(200, again.status(), again.body());
        assertEquals(401, user(Stack.baseUri(), accessToken).status());
    }

    @Test
    void anotherClientsTokenIs200AndKeepsWorking() throws Exception {
        Account owner = newAccount();
        Account other = newAccount();
        String accessToken = tokenFor(owner);

        Api.Reply revoke = revoke(Stack.baseUri(), FORM, form(Map.of("token", accessToken)),
                "Authorization", basic(other.clientId(), other.clientSecret()));
        assertEquals(200, revoke.status(), revoke.body());
        assertEquals("", revoke.body());

        Api.Reply me = user(Stack.baseUri(), accessToken);
        assertEquals(200, me.status(), me.body());
        assertEquals(owner.userId(), me.json().getString("id"));
        assertEquals(200, user(Stack.secondNodeUri(), accessToken).status());
    }

    @Test
    void aWrongClientSecretIsInvalidClientAndRevokesNothing() {
        Account account = newAccount();
        String accessToken = tokenFor(account);

        Api.Reply inBody = revoke(Stack.baseUri(), FORM, form(Map.of("client_id", account.clientId(), "client_secret", "wrong",
                "token", accessToken)));
        assertEquals(401, inBody.status());
        assertEquals("invalid_client", inBody.json().getString("error"));
        assertTrue(inBody.json().containsKey("error_description"));
        assertEquals("no-store", inBody.header("Cache-Control"));

        Api.Reply inBasic = revoke(Stack.baseUri(), FORM, form(Map.of("token", accessToken)),
                "Authorization", basic(account.clientId(), "wrong"));
        assertEquals(401, inBasic.status());
        assertEquals("invalid_client", inBasic.json().getString("error"));
        assertEquals("Basic realm=\"progimage\"", inBasic.header("WWW-Authenticate"));

        Api.Reply none = revoke(Stack.baseUri(), FORM, form(Map.of("token", accessToken)));
        assertEquals(401, none.status());
        assertEquals("invalid_client", none.json().getString("error"));

        assertEquals(200, user(Stack.baseUri(), accessToken).status());
    }

    @Test
    void aMissingOrRepeatedTokenIsInvalidRequest() {
        Account account = newAccount();
        String accessToken = tokenFor(account);
        Map<String, String> credentials = Map.of("client_id", account.clientId(), "client_secret", account.clientSecret());

        Api.Reply missing = revoke(Stack.baseUri(), FORM, form(credentials));
        assertEquals(400, missing.status());
        assertEquals("invalid_request", missing.json().getString("error"));

        Api.Reply empty = revoke(Stack.baseUri(), FORM, form(with(credentials, "token", "")));
        assertEquals(400, empty.status());
        assertEquals("invalid_request", empty.json().getString("error"));

        Api.Reply twice = revoke(Stack.baseUri(), FORM, form(with(credentials, "token", accessToken)) + "&token=" + accessToken);
        assertEquals(400, twice.status());
        assertEquals("invalid_request", twice.json().getString("error"));

        Api.Reply otherBody = revoke(Stack.baseUri(), "text/plain", "token=" + accessToken);
        assertEquals(400, otherBody.status());
        assertEquals("invalid_request", otherBody.json().getString("error"));

        assertEquals(200, user(Stack.baseUri(), accessToken).status());
    }

    @Test
    void revocationIsLimitedPerClientIp() {
        String ip = Api.randomClientAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            // no client credentials: a cheap refusal, counted like any other outcome
            statuses.add(Api.send(Api.request(Stack.baseUri(), "/oauth/revoke").setHeader("X-Forwarded-For", ip)
                    .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString("token=x")).build()).status());
        }
        assertEquals(20, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(429, statuses.get(20));
    }

    private static void assertRefusedOnBothNodes(String accessToken) throws Exception {
        for (URI node : new URI[]{Stack.baseUri(), Stack.secondNodeUri()}) {
            Api.Reply reply = user(node, accessToken);
            assertEquals(401, reply.status(), node + ": " + reply.body());
            assertEquals(INVALID_TOKEN, reply.header("WWW-Authenticate"), node.toString());
        }
    }

    private static String tokenFor(Account account) {
        Api.Reply token = token(account, code(account, Map.of()));
        assertEquals(200, token.status(), token.body());
        return token.json().getString("access_token");
    }

    private static Api.Reply user(URI node, String accessToken) {
        return Api.send(Api.request(node, "/user").header("Authorization", "Bearer " + accessToken).GET().build());
    }

    private static Api.Reply revoke(URI node, String contentType, String body, String... headers) {
        HttpRequest.Builder request = Api.request(node, "/oauth/revoke").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Api.send(request.build());
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put(name, value);
        return all;
    }
}
