package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.progimage.it.Uploads.field;
import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.smallPng;
import static io.progimage.it.Uploads.testImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk uploads through JMS (API.md §5.4 form 2): 202 in order, every item ends ready or failed. */
@ExtendWith(Stack.class)
class BulkIT {

    private static RemoteServer remote;

    @BeforeAll
    static void start() throws Exception {
        remote = new RemoteServer();
        remote.serve("/photo.jpg", testImage("progressive-video-001.jpeg"));
        remote.serve("/page.html", "<html>not an image</html>".getBytes());
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    static Api.Reply bulk(URI node, String token, JsonArrayBuilder items) {
        return Api.send(Api.request(node, "/user/images").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("process", items).build().toString())).build());
    }

    static Set<String> ids(Api.Reply reply) {
        Set<String> ids = new LinkedHashSet<>();
        reply.json().getJsonArray("data").getValuesAs(JsonObject.class).forEach(image -> ids.add(image.getString("id")));
        return ids;
    }

    @Test
    void threeItemsAreAcceptedInOrderAndAllEndReady() throws Exception {
        String token = OAuthClient.newToken();
        Api.Reply reply = bulk(Stack.baseUri(), token, Json.createArrayBuilder()
                .add(hashOf(smallPng(30, 20)).add("rotation", 90))
                .add(hashOf(testImage("gray-video-005.jpeg")).add("filter", "kelvin"))
                .add(hashOf(smallPng(50, 40)).add("thumb_w", 10)));
        assertEquals(202, reply.status(), reply.body());
        List<JsonObject> accepted = reply.json().getJsonArray("data").getValuesAs(JsonObject.class);
        assertEquals(3, accepted.size());
        for (JsonObject image : accepted) {
            assertTrue(List.of("pending", "ready").contains(image.getString("status")));
            assertTrue(image.getString("url").contains("/uploads/image/file/" + image.getString("id") + "/"));
        }
        Map<String, JsonObject> settled = Statuses.awaitSettled(Stack.baseUri(), token, ids(reply), Duration.ofMinutes(2));
        settled.values().forEach(image -> assertEquals("ready", image.getString("status"), image.toString()));
        JsonObject first = settled.get(accepted.get(0).getString("id"));
        assertEquals(20, first.getInt("width")); // 30x20 rotated by 90
        assertEquals(30, first.getInt("height"));
        assertEquals(200, Uploads.download(first.getString("thumbnail_url")).statusCode());
    }

    @Test
    void aMixedBulkEndsWithExactlyTheBadItemsFailed() throws Exception {
        URI node = Stack.secondNodeUri(); // allows the remote server on 127.0.0.1
        String token = OAuthClient.newToken();
        Api.Reply reply = bulk(node, token, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("remote_file_url", remote.url("/photo.jpg")))
                .add(Json.createObjectBuilder().add("remote_file_url", remote.url("/missing.jpg")))
                .add(Json.createObjectBuilder().add("remote_file_url", remote.url("/page.html")))
                .add(hashOf(smallPng(20, 20))));
        assertEquals(202, reply.status(), reply.body());
        List<String> order = List.copyOf(ids(reply));
        Map<String, JsonObject> settled = Statuses.awaitSettled(node, token, Set.copyOf(order), Duration.ofMinutes(2));
        assertEquals("ready", settled.get(order.get(0)).getString("status"));
        assertEquals("failed", settled.get(order.get(1)).getString("status"));
        assertEquals("failed", settled.get(order.get(2)).getString("status"));
        assertEquals("ready", settled.get(order.get(3)).getString("status"));
        JsonObject error = settled.get(order.get(1)).getJsonObject("error");
        assertEquals("invalid_request", error.getString("code"));
        assertTrue(error.getString("message").contains("404"), error.toString());
    }

    @Test
    void oneInvalidItemRejectsTheWholeBulkAndCreatesNothing() throws Exception {
        String token = OAuthClient.newToken();
        long stored = Uploads.storedEntries();
        Api.Reply reply = bulk(Stack.baseUri(), token, Json.createArrayBuilder()
                .add(hashOf(smallPng(10, 10)))
                .add(hashOf(smallPng(10, 10)).add("quality", 101))
                .add(hashOf(smallPng(10, 10)).add("filter", "sepia")));
        assertEquals(422, reply.status());
        assertEquals("invalid_request", reply.errorCode());
        var fields = reply.json().getJsonObject("error").getJsonArray("details").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("field")).toList();
        assertEquals(List.of("process[1].quality", "process[2].filter"), fields);

        Api.Reply foreignSource = bulk(Stack.baseUri(), token, Json.createArrayBuilder()
                .add(hashOf(smallPng(10, 10)))
                .add(Json.createObjectBuilder().add("image_id", java.util.UUID.randomUUID().toString())));
        assertEquals(422, foreignSource.status());
        assertEquals("process[1].image_id", field(foreignSource));

        assertEquals(0, Uploads.get(token, "/user/images").json().getJsonObject("meta").getInt("total"));
        assertEquals(stored, Uploads.storedEntries());
    }

    @Test
    void moreThanTheMaximumOrNoItemsIs422() {
        String token = OAuthClient.newToken();
        JsonArrayBuilder many = Json.createArrayBuilder();
        String png = java.util.Base64.getEncoder().encodeToString(smallPng(2, 2));
        for (int i = 0; i < 101; i++) {
            many.add(Json.createObjectBuilder().add("file", png));
        }
        Api.Reply tooMany = bulk(Stack.baseUri(), token, many);
        assertEquals(422, tooMany.status());
        assertEquals("process", field(tooMany));
        Api.Reply none = bulk(Stack.baseUri(), token, Json.createArrayBuilder());
        assertEquals(422, none.status());
        assertEquals(0, Uploads.get(token, "/user/images").json().getJsonObject("meta").getInt("total"));
    }
}
