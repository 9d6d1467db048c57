package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.smallPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No bulk item stays pending, whatever fails (issue 11 §4): an item that fails on every attempt
 * ends failed (the give-up after the last attempt must not wait for its own delivery's row lock),
 * and an item whose message is gone is settled by the reconciler within the pending bound.
 */
@ExtendWith(Stack.class)
class BulkSettlementIT {

    /** The reconciler's settings of the node started for that test: short, so the test takes seconds. */
    private static final int BOUND_SECONDS = 20;
    private static final int INTERVAL_SECONDS = 2;

    /**
     * A real fault, not a switch: the original the item is made from is gone from the storage
     * (a disk lost a file), so every attempt throws an I/O error, which is not the client's
     * fault (not a 422-style failure) and is retried. The fifth failed attempt gives up.
     */
    @Test
    void anItemThatFailsOnEveryAttemptEndsFailedWithInternalErrorNotPending() throws Exception {
        String token = OAuthClient.newToken();
        Api.Reply source = Uploads.upload(token, hashOf(smallPng(40, 30)));
        assertEquals(201, source.status(), source.body());
        String sourceId = source.json().getJsonObject("data").getString("id");
        Files.delete(storage().resolve(sourceId).resolve("original"));

        Api.Reply bulk = BulkIT.bulk(Stack.baseUri(), token, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("image_id", sourceId))
                .add(hashOf(smallPng(20, 20))));
        assertEquals(202, bulk.status(), bulk.body()); // the source's row is ready: accepted
        List<String> order = List.copyOf(BulkIT.ids(bulk));

        // five attempts with the broker's back-off (1+2+4+8 s) and then the give-up; before the
        // fix the give-up waited 50 s for a lock and the item stayed pending for ever
        Map<String, JsonObject> settled = Statuses.awaitSettled(Stack.baseUri(), token, Set.copyOf(order), Duration.ofMinutes(2));
        JsonObject broken = settled.get(order.get(0));
        assertEquals("failed", broken.getString("status"), broken.toString());
        assertEquals("internal_error", broken.getJsonObject("error").getString("code"), broken.toString());
        assertTrue(broken.isNull("url"), broken.toString());
        assertEquals("ready", settled.get(order.get(1)).getString("status"), "the other item of the bulk is unaffected");
    }

    /**
     * Pending rows with no message anywhere: what a bulk leaves when its node's broker store is
     * lost with the node, when a message is dead-lettered, or when it never arrives. One can
     * still be processed (re-queued, ends ready), one has no attempts left, one is far past the
     * bound already (every node was down): both end failed. The two fresh ones are settled before
     * the bound, by the server's own clock.
     */
    @Test
    void pendingItemsWhoseMessagesAreLostAreSettledByTheReconcilerWithinTheBound() throws Exception {
        Stack stack = Stack.running();
        Stack.Node node = stack.startNode("node-reconciler", Map.of(
                "PROGIMAGE_BROKER_DIR", stack.dataDir().resolve("broker-reconciler").toString(),
                "PROGIMAGE_BULK_PENDING_BOUND_SECONDS", String.valueOf(BOUND_SECONDS),
                "PROGIMAGE_BULK_RECONCILE_INTERVAL_SECONDS", String.valueOf(INTERVAL_SECONDS)));
        try {
            OAuthClient.Account account = OAuthClient.newAccount();
            String token = OAuthClient.token(account, OAuthClient.code(account, Map.of())).json().getString("access_token");
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String lost = pendingRow(account.userId(), now, 0);
            String exhausted = pendingRow(account.userId(), now, 5);
            String ancient = pendingRow(account.userId(), now.minus(Duration.ofHours(1)), 0);

            // the wait's deadline only keeps a broken build from hanging; the bound is checked below
            Map<String, JsonObject> settled = Statuses.awaitSettled(node.baseUri(), token, Set.of(lost, exhausted, ancient),
                    Duration.ofSeconds(3L * BOUND_SECONDS));

            JsonObject requeued = settled.get(lost);
            assertEquals("ready", requeued.getString("status"), requeued.toString());
            assertEquals(200, Uploads.download(requeued.getString("url")).statusCode());
            for (String id : List.of(exhausted, ancient)) {
                JsonObject failed = settled.get(id);
                assertEquals("failed", failed.getString("status"), failed.toString());
                assertEquals("internal_error", failed.getJsonObject("error").getString("code"), failed.toString());
            }
            for (String id : List.of(lost, exhausted)) {
                JsonObject image = settled.get(id);
                Duration pending = Duration.between(Instant.parse(image.getString("created_at")), Instant.parse(image.getString("updated_at")));
                assertTrue(pending.compareTo(Duration.ofSeconds(BOUND_SECONDS)) < 0, "pending for " + pending + ": " + image);
            }
        } finally {
            node.process().close(); // its short bound must not settle other tests' items
        }
    }

    /** A pending FILE item as a bulk stores it (row and original), but with no message queued. */
    private static String pendingRow(String userId, Instant createdAt, int attempts) throws Exception {
        String id = UUID.randomUUID().toString();
        String name = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        Path folder = storage().resolve(id);
        Files.createDirectories(folder);
        Files.write(folder.resolve("original"), smallPng(24, 16));
        LocalDateTime created = LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC);
        assertEquals(1, Stack.sql("INSERT INTO images (id, user_id, status, name, source_kind, quality, rotation, attempts,"
                + " created_at, updated_at) VALUES (?, ?, 'PENDING', ?, 'FILE', 90, 0, ?, ?, ?)",
                id, userId, name, attempts, created, created));
        return id;
    }

    private static Path storage() {
        return Stack.running().dataDir().resolve("storage");
    }
}
