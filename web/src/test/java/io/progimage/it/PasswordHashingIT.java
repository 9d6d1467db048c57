package io.progimage.it;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password hashing cannot take the whole CPU: the second node runs one hash at a time and does
 * not queue, so of sign-ups sent at once (each hash takes most of a second) the ones that find
 * the hash taken are 503 with Retry-After, in the contract's format, and the rest succeed.
 */
@ExtendWith(Stack.class)
class PasswordHashingIT {

    @Test
    void signUpsBeyondTheHashBoundAre503NotQueuedForEver() throws Exception {
        URI node = Stack.secondNodeUri();
        List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
        // a thread per request: the common pool has one thread on a two-core machine
        ExecutorService senders = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            String body = Json.createObjectBuilder().add("name", "Concurrent").add("email", OAuthClient.uniqueEmail())
                    .add("password", OAuthClient.PASSWORD).build().toString();
            HttpRequest request = Api.request(node, "/users").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            replies.add(CompletableFuture.supplyAsync(() -> Api.send(request), senders));
        }
        senders.shutdown();
        int created = 0;
        int busy = 0;
        for (CompletableFuture<Api.Reply> future : replies) {
            Api.Reply reply = future.join();
            if (reply.status() == 201) {
                created++;
            } else {
                assertEquals(503, reply.status(), reply.body());
                assertEquals("service_unavailable", reply.errorCode());
                assertTrue(reply.header("Retry-After") != null);
                busy++;
            }
        }
        assertTrue(created >= 1, "no sign-up got the hash");
        assertTrue(busy >= 1, "six sign-ups at once all hashed: the bound did not hold");
    }
}
