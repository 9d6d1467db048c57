package io.progimage.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether a request needs a token, and which rate-limit key it counts against, follow from the
 * resource the router matched: no spelling of a path that reaches a resource skips either.
 */
@ExtendWith(Stack.class)
class PathSpellingsIT {

    /** Spellings of GET /user and GET /user/images that a router may accept. */
    private static final List<String> USER_PATHS = List.of("/user", "/user;a=1", "/user;", "/%75ser", "/%75%73%65%72", "/user/",
            "//user", "/./user", "/x/../user", "/user;a=1/images", "/user;/images", "/user/images;x=1", "/%75ser/images",
            "/user//images", "/user/./images", "/user/x/../images", "/user/%69mages", "/user/images/");

    /** The spellings that must reach a resource (the findings): proof that the test exercises the router. */
    private static final List<String> MUST_MATCH = List.of("/user;a=1", "/user;a=1/images", "/user;/images", "/user/images;x=1");

    @Test
    void everySpellingThatReachesAUserResourceNeedsATokenAndIsRateLimitedPerUser() throws Exception {
        String token = OAuthClient.newToken();
        int matched = 0;
        for (String path : USER_PATHS) {
            RawHttp.Answer anonymous = RawHttp.send(Stack.baseUri(), "GET", path, null, "X-Forwarded-For", Api.randomClientAddress());
            assertTrue(anonymous.status() < 500, path + " without a token: " + anonymous.status() + " " + anonymous.body());
            assertTrue(anonymous.status() != 200, path + " without a token was answered: " + anonymous.body());
            RawHttp.Answer withToken = RawHttp.send(Stack.baseUri(), "GET", path, null, "Authorization", "Bearer " + token);
            assertTrue(withToken.status() < 500, path + " with a token: " + withToken.status() + " " + withToken.body());
            if (withToken.status() == 200) {
                matched++;
                assertEquals(401, anonymous.status(), path);
                assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer realm=\"progimage\""), path);
                assertNotNull(withToken.header("X-RateLimit-Remaining"), path + " was not rate-limited");
            } else {
                assertTrue(MUST_MATCH.stream().noneMatch(path::equals), path + ": " + withToken.status());
            }
        }
        assertTrue(matched >= MUST_MATCH.size(), "only " + matched + " spellings reached a resource");
        // all of them counted against one user: 2 requests of OAuthClient's, then one per match
        Api.Reply next = Api.get("/user", "Authorization", "Bearer " + token);
        if (next.status() == 200) {
            assertEquals(String.valueOf(Math.max(0, 19 - matched)), next.header("X-RateLimit-Remaining"));
        } else {
            assertEquals(429, next.status());
        }
    }

    @Test
    void aTokenInTheQueryIsRefusedOnEverySpelling() throws Exception {
        String token = OAuthClient.newToken();
        for (String path : List.of("/user;a=1?access_token=x", "/user;/images?access%5Ftoken=x")) {
            RawHttp.Answer answer = RawHttp.send(Stack.baseUri(), "GET", path, null, "Authorization", "Bearer " + token);
            assertEquals(401, answer.status(), path);
            assertTrue(answer.header("WWW-Authenticate").contains("error=\"invalid_request\""), path);
        }
    }

    @Test
    void signUpsAreLimitedPerClientIpWhateverTheSpelling() throws Exception {
        String ip = Api.randomClientAddress();
        // every spelling that reaches sign-up counts against the one address; one that reaches
        // nothing (404) costs nothing and is not counted
        List<String> spellings = List.of("/users", "/users;x=1", "/users/", "/users;", "/users;a=1;b=2", "/%75sers", "//users");
        List<Integer> statuses = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();
        int counted = 0;
        for (int i = 0; counted < 20; i++) {
            assertTrue(i < 100, "the spellings did not reach sign-up: " + statuses);
            String spelling = spellings.get(i % spellings.size());
            int status = RawHttp.send(Stack.baseUri(), "POST", spelling, "{}",
                    "Content-Type", "application/json", "X-Forwarded-For", ip).status();
            statuses.add(status);
            assertTrue(status == 422 || status == 404, spelling + ": " + statuses);
            if (status == 422) {
                reached.add(spelling);
                counted++;
            }
        }
        assertTrue(reached.containsAll(List.of("/users", "/users;x=1", "/users;")), reached.toString());
        for (String spelling : reached) {
            assertEquals(429, RawHttp.send(Stack.baseUri(), "POST", spelling, "{}",
                    "Content-Type", "application/json", "X-Forwarded-For", ip).status(), spelling);
        }
    }

    @Test
    void theOAuthEndpointsAreLimitedPerClientIpWhateverTheSpelling() throws Exception {
        for (String path : List.of("/oauth/token;x=1", "/oauth/authorize;x=1", "/oauth/applications;x=1", "/oauth/token;")) {
            String ip = Api.randomClientAddress();
            String type = path.contains("applications") ? "application/json" : "application/x-www-form-urlencoded";
            RawHttp.Answer last = null;
            for (int i = 0; i < 21; i++) {
                last = RawHttp.send(Stack.baseUri(), "POST", path, path.contains("applications") ? "{}" : "client_id=x",
                        "Content-Type", type, "X-Forwarded-For", ip);
                assertTrue(last.status() < 500, path + ": " + last.status() + " " + last.body());
            }
            assertEquals(429, last.status(), path + ": " + last.body());
        }
    }
}
