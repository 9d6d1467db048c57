package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hung database (SIGSTOP: connections open, nothing answers) is a 503 in the contract's
 * format within the documented 5 s for every request that needs it, readiness goes DOWN, and
 * everything recovers when it answers again, without a restart. The client's own timeout is the
 * bound: a request that hangs fails the test instead of passing late.
 */
@ExtendWith(Stack.class)
class DatabaseOutageIT {

    /** The documented bound (docs/decisions.md), plus a margin for a busy two-core test machine. */
    private static final Duration BOUND = Duration.ofSeconds(5 + 3);

    private static Api.Reply within(HttpRequest.Builder request) {
        HttpRequest sent = request.timeout(BOUND).build();
        long start = System.nanoTime();
        try {
            return Api.send(sent);
        } finally {
            // for the reader of a failed run: how close each answer came to the bound
            System.out.printf("%s %s answered after %d ms%n", sent.method(), sent.uri().getPath(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void aHungDatabaseIsA503WithinTheBoundAndEverythingRecovers() throws Exception {
        String token = OAuthClient.newToken();
        assertEquals(200, Api.get("/user", "Authorization", "Bearer " + token).status());
        try (AutoCloseable frozen = Stack.freezeDatabase()) {
            for (int i = 0; i < 3; i++) { // the first request finds a pooled connection, the next ones a broken pool
                Api.Reply me = within(Api.request("/user").header("Authorization", "Bearer " + token).GET());
                assertEquals(503, me.status(), me.body());
                assertEquals("service_unavailable", me.errorCode());
                assertTrue(me.header("Retry-After") != null);
            }
            Api.Reply signUp = within(Api.request("/users").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"N\",\"email\":\"" + OAuthClient.uniqueEmail()
                            + "\",\"password\":\"" + OAuthClient.PASSWORD + "\"}")));
            assertEquals(503, signUp.status(), signUp.body());
            Api.Reply ready = within(Api.request("/health/ready").GET());
            assertEquals(503, ready.status(), ready.body());
            assertTrue(ready.body().contains("\"DOWN\""), ready.body());
        }
        awaitReady(Duration.ofSeconds(30));
        Api.Reply me = Api.get("/user", "Authorization", "Bearer " + token);
        assertEquals(200, me.status(), me.body());
    }

    /**
     * The database is down (the port refuses, open connections are reset, as after a crash or a
     * cut network) for longer than all of the broker's redeliveries (five attempts with 1+2+4+8 s
     * of back-off): requests are 503 at once, and when it is back every queued item still ends
     * ready: what the broker gave up on, the reconciler re-queues. The node reaches the database
     * through a relay the test switches off, and has a short pending bound.
     */
    @Test
    void aDatabaseDownLongerThanTheRedeliveriesLosesNoQueuedItem() throws Exception {
        Stack stack = Stack.running();
        try (TcpProxy database = new TcpProxy(stack.dbPort())) {
            Stack.Node node = stack.startNode("node-outage", Map.of(
                    "PROGIMAGE_DB_URL", "jdbc:mysql://127.0.0.1:" + database.port() + "/progimage?sslMode=DISABLED",
                    "PROGIMAGE_BROKER_DIR", stack.dataDir().resolve("broker-outage").toString(),
                    "PROGIMAGE_BULK_PENDING_BOUND_SECONDS", "120",
                    "PROGIMAGE_BULK_RECONCILE_INTERVAL_SECONDS", "2"));
            try {
                String token = OAuthClient.newToken();
                Api.Reply source = Uploads.upload(node.baseUri(), token, Uploads.hashOf(Uploads.testImage("mate-LadyBird.jpg")));
                assertEquals(201, source.status(), source.body());
                String sourceId = source.json().getJsonObject("data").getString("id");
                JsonArrayBuilder items = Json.createArrayBuilder();
                for (int i = 0; i < 20; i++) { // real work per item (a 4 MP photo), so most are still queued below
                    items.add(Json.createObjectBuilder().add("image_id", sourceId).add("rotation", 90).add("filter", "gotham"));
                }
                Api.Reply bulk = BulkIT.bulk(node.baseUri(), token, items);
                assertEquals(202, bulk.status(), bulk.body());
                Set<String> ids = BulkIT.ids(bulk);

                database.down();
                Api.Reply me = within(Api.request(node.baseUri(), "/user").header("Authorization", "Bearer " + token).GET());
                assertEquals(503, me.status(), me.body());
                assertEquals("service_unavailable", me.errorCode());
                // The outage's duration, not a synchronization: every delivery of the queued
                // messages fails in that time and the broker gives them up.
                Thread.sleep(Duration.ofSeconds(40).toMillis());
                database.up();

                Map<String, JsonObject> settled = Statuses.awaitSettled(node.baseUri(), token, ids, Duration.ofMinutes(3));
                for (JsonObject image : settled.values()) {
                    assertEquals("ready", image.getString("status"), image.toString());
                }
                // the outage outlasted some items' redeliveries: the reconciler sent them again
                String requeued = Stack.sqlString("SELECT COUNT(*) FROM images WHERE user_id = (SELECT user_id FROM images WHERE id = ?)"
                        + " AND requeued_at IS NOT NULL", sourceId);
                assertTrue(Integer.parseInt(requeued) > 0, "no item was re-queued: the outage did not outlast the redeliveries");
            } finally {
                node.process().close();
            }
        }
    }

    /** Polls readiness until UP (twice a second, bounded): the pool replaces its broken connections. */
    static void awaitReady(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (Api.send(Api.request("/health/ready").timeout(BOUND).GET().build()).status() != 200) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not ready again within " + deadline);
            }
            Thread.sleep(500); // the polling interval, not a guess at how long recovery takes
        }
    }
}
