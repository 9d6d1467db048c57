package io.progimage.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Waits, through the API and with a deadline, until a user's images have all left
 * {@code pending} (or a bulk shows what a test waits for). Polls the list (one request for all items, about twice a second, so a test
 * stays inside the per-user rate limit; a 429 is answered by waiting its Retry-After).
 */
final class Statuses {

    private Statuses() {
    }

    static Map<String, JsonObject> awaitSettled(URI node, String token, Set<String> ids, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            Api.Reply reply = Api.send(Api.request(node, "/user/images?limit=100").header("Authorization", "Bearer " + token).GET().build());
            if (reply.status() == 429) {
                Thread.sleep(Long.parseLong(reply.header("Retry-After")) * 1000);
                continue;
            }
            Map<String, JsonObject> images = new HashMap<>();
            reply.json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(image -> ids.contains(image.getString("id")))
                    .forEach(image -> images.put(image.getString("id"), image));
            boolean settled = images.size() == ids.size()
                    && images.values().stream().noneMatch(image -> image.getString("status").equals("pending"));
            if (settled) {
                return images;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("still pending after " + deadline + ": " + images.values());
            }
            Thread.sleep(500); // the polling interval of the wait, not a guess at how long processing takes
        }
    }

    /**
     * Waits the same way until {@code GET /user/bulks/{bulkId}} shows what {@code done} looks for
     * (e.g. the webhook delivered), and returns that bulk ({@code data}).
     */
    static JsonObject awaitBulk(URI node, String token, String bulkId, java.util.function.Predicate<JsonObject> done,
                                Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            Api.Reply reply = Api.send(Api.request(node, "/user/bulks/" + bulkId).header("Authorization", "Bearer " + token).GET().build());
            if (reply.status() == 429) {
                Thread.sleep(Long.parseLong(reply.header("Retry-After")) * 1000);
                continue;
            }
            if (reply.status() != 200) {
                throw new AssertionError("GET /user/bulks/" + bulkId + ": " + reply.status() + " " + reply.body());
            }
            JsonObject bulk = reply.json().getJsonObject("data");
            if (done.test(bulk)) {
                return bulk;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not there after " + deadline + ": " + bulk);
            }
            Thread.sleep(500); // the polling interval, as above
        }
    }
}
