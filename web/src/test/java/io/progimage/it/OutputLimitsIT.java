package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.progimage.it.Uploads.decode;
import static io.progimage.it.Uploads.download;
import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.smallPng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outputs the limits must cover although the source is small: a thumbnail box that the aspect
 * ratio would stretch past 4096, a side JPEG cannot encode. Each is decided before the work,
 * as a 201 within the bounds or a 422, never a 500 or a giant allocation; in a bulk, the item
 * ends failed, never pending.
 */
@ExtendWith(Stack.class)
class OutputLimitsIT {

    @Test
    void aThumbnailBoxOfOneSideKeepsBothSidesWithin4096() {
        String token = OAuthClient.newToken();
        Api.Reply reply = Uploads.upload(token, hashOf(smallPng(16, 255)).add("thumb_w", 4096));
        assertEquals(201, reply.status(), reply.body());
        JsonObject data = reply.json().getJsonObject("data");
        BufferedImage thumb = decode(download(Stack.baseUri() + data.getJsonObject("file").getJsonObject("thumb").getString("url")).body());
        assertEquals(4096, thumb.getHeight());
        assertEquals(257, thumb.getWidth());
    }

    @Test
    void anOutputJpegCannotHoldIsA422BeforeTheWork() {
        String token = OAuthClient.newToken();
        for (JsonObject hash : List.of(hashOf(smallPng(70_000, 8)).build(), hashOf(smallPng(8, 70_000)).add("rotation", 90).build(),
                hashOf(smallPng(1, 100_000)).add("thumb_w", 4096).build())) {
            Api.Reply reply = Uploads.upload(token, Json.createObjectBuilder(hash));
            assertEquals(422, reply.status(), reply.body());
            assertEquals("invalid_request", reply.errorCode());
            assertTrue(reply.json().getJsonObject("error").getString("message").contains("65500"), reply.body());
        }
    }

    @Test
    void inABulkSuchAnItemEndsFailedNotPending() throws Exception {
        String token = OAuthClient.newToken();
        Api.Reply bulk = BulkIT.bulk(Stack.baseUri(), token, Json.createArrayBuilder()
                .add(hashOf(smallPng(1, 100_000)).add("thumb_w", 4096))
                .add(hashOf(smallPng(16, 255)).add("thumb_w", 4096)));
        assertEquals(202, bulk.status(), bulk.body());
        List<String> order = bulk.json().getJsonArray("data").getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).toList();
        Map<String, JsonObject> settled = Statuses.awaitSettled(Stack.baseUri(), token, Set.copyOf(order), Duration.ofMinutes(2));
        JsonObject strip = settled.get(order.get(0));
        assertEquals("failed", strip.getString("status"), strip.toString());
        assertEquals("invalid_request", strip.getJsonObject("error").getString("code"), strip.toString());
        assertEquals("ready", settled.get(order.get(1)).getString("status"));
    }
}
