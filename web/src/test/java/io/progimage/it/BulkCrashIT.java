package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.testImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing a user uploaded is lost when a node dies: a node of its own takes a 50-item bulk, is
 * killed with SIGKILL while items are pending, and is started again on the same data (database,
 * storage, broker store). Every item must end ready or failed, each with exactly one set of files.
 */
@ExtendWith(Stack.class)
class BulkCrashIT {

    private static final int ITEMS = 50;

    @Test
    void everyItemEndsReadyOrFailedWithOneSetOfFilesAfterAKill9() throws Exception {
        Stack stack = Stack.running();
        Map<String, String> sameData = Map.of("PROGIMAGE_BROKER_DIR", stack.dataDir().resolve("broker-crash").toString());
        Stack.Node node = stack.startNode("node-crash", sameData);
        Set<String> ids;
        String token;
        try {
            token = OAuthClient.newToken();
            // one real 4 MP photo, then 50 items derived from it (small request, real work per item)
            Api.Reply source = Uploads.upload(node.baseUri(), token, hashOf(testImage("mate-LadyBird.jpg")));
            assertEquals(201, source.status(), source.body());
            String sourceId = source.json().getJsonObject("data").getString("id");
            JsonArrayBuilder items = Json.createArrayBuilder();
            for (int i = 0; i < ITEMS; i++) {
                items.add(Json.createObjectBuilder().add("image_id", sourceId).add("rotation", 90).add("filter", "gotham"));
            }
            Api.Reply bulk = BulkIT.bulk(node.baseUri(), token, items);
            assertEquals(202, bulk.status(), bulk.body());
            ids = BulkIT.ids(bulk);
            assertEquals(ITEMS, ids.size());
            long pending = pendingCount(node.baseUri(), token);
            assertTrue(pending > 0, "items must still be pending when the node is killed");
        } finally {
            node.process().kill(); // SIGKILL: no shutdown, no rollback hooks, no broker flush
        }

        Stack.Node again = stack.startNode("node-crash-again", sameData);
        try {
            Map<String, JsonObject> settled = Statuses.awaitSettled(again.baseUri(), token, ids, Duration.ofMinutes(6));
            for (JsonObject image : settled.values()) {
                String status = image.getString("status");
                assertTrue(status.equals("ready") || status.equals("failed"), image.toString());
                Path folder = stack.dataDir().resolve("storage").resolve(image.getString("id"));
                if (status.equals("ready")) {
                    String name = image.getString("url").substring(image.getString("url").lastIndexOf('/') + 1);
                    assertEquals(Set.of("original", name, "thumb_" + name, "mini_" + name), filesIn(folder), image.toString());
                }
            }
        } finally {
            again.process().close();
        }
    }

    private static long pendingCount(URI node, String token) {
        Api.Reply list = Api.send(Api.request(node, "/user/images?limit=100").header("Authorization", "Bearer " + token).GET().build());
        List<JsonObject> images = list.json().getJsonArray("data").getValuesAs(JsonObject.class);
        return images.stream().filter(image -> image.getString("status").equals("pending")).count();
    }

    private static Set<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return Set.copyOf(files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
