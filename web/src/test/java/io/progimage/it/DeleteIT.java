package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.progimage.it.Uploads.download;
import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.smallPng;
import static io.progimage.it.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code DELETE /user/images/{id}} (issue 14): row and files gone, pending items cancelled. */
@ExtendWith(Stack.class)
class DeleteIT {

    private static RemoteServer remote;

    @BeforeAll
    static void start() throws Exception {
        remote = new RemoteServer();
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    static Api.Reply delete(URI node, String token, String id) {
        return Api.send(Api.request(node, "/user/images/" + id).header("Authorization", "Bearer " + token).DELETE().build());
    }

    private static Path folder(String id) {
        return Path.of(System.getProperty("progimage.it.work", "target/it"), "data", "storage", id);
    }

    @Test
    void aDeletedImageIsGoneWithItsFilesWhileTheRestOfTheListStays() {
        String token = OAuthClient.newToken();
        JsonObject kept = upload(token, hashOf(smallPng(30, 20))).json().getJsonObject("data");
        JsonObject doomed = upload(token, hashOf(smallPng(40, 20)).add("rotation", 90)).json().getJsonObject("data");
        String id = doomed.getString("id");
        List<String> urls = new ArrayList<>();
        JsonObject file = doomed.getJsonObject("file");
        urls.add(file.getString("url"));
        urls.add(file.getJsonObject("thumb").getString("url"));
        urls.add(file.getJsonObject("mini").getString("url"));
        for (String url : urls) {
            assertEquals(200, download(Stack.baseUri() + url).statusCode());
        }
        assertTrue(Files.isDirectory(folder(id)));

        Api.Reply deleted = delete(Stack.baseUri(), token, id);
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals("", deleted.body());
        assertTrue(deleted.header("X-RateLimit-Remaining") != null, "rate-limited like every /user call");

        assertEquals(404, Uploads.get(token, "/user/images/" + id).status());
        for (String url : urls) {
            assertEquals(404, download(Stack.baseUri() + url).statusCode(), url);
        }
        assertFalse(Files.exists(folder(id)), "the files, the original included, are removed");
        JsonObject list = Uploads.get(token, "/user/images").json();
        assertEquals(1, list.getJsonObject("meta").getInt("total"));
        assertEquals(kept.getString("id"), list.getJsonArray("data").getJsonObject(0).getString("id"));
        assertEquals(200, download(Stack.baseUri() + kept.getJsonObject("file").getString("url")).statusCode());

        Api.Reply again = delete(Stack.baseUri(), token, id);
        assertEquals(404, again.status());
        assertEquals("not_found", again.errorCode());
    }

    @Test
    void anotherUsersImageAndAnUnknownIdGetTheSameNotFound() {
        String owner = OAuthClient.newToken();
        String id = upload(owner, hashOf(smallPng(30, 20))).json().getJsonObject("data").getString("id");
        String stranger = OAuthClient.newToken();
        Api.Reply theirs = delete(Stack.baseUri(), stranger, id);
        Api.Reply unknown = delete(Stack.baseUri(), stranger, "00000000-0000-0000-0000-000000000000");
        Api.Reply odd = delete(Stack.baseUri(), stranger, "not-an-id");
        assertEquals(404, theirs.status());
        assertEquals(theirs.body(), unknown.body());
        assertEquals(theirs.body(), odd.body());
        assertEquals(200, Uploads.get(owner, "/user/images/" + id).status(), "still there for its owner");
        assertEquals(401, Api.send(Api.request("/user/images/" + id).DELETE().build()).status());
    }

    /**
     * Two items that fetch from a server which never finishes keep both bulk consumers of node 2
     * busy for its 5 s remote timeout, so the items behind them are still pending, not being
     * processed, when they are deleted or their source is.
     */
    @Test
    void deletingAPendingItemLeavesNothingBehindAndItsSourceCannotBeDeletedUnderIt() throws Exception {
        URI node = Stack.secondNodeUri();
        String token = OAuthClient.newToken();
        String source = upload(token, hashOf(smallPng(30, 20))).json().getJsonObject("data").getString("id");
        Api.Reply queued = BulkIT.bulk(node, token, Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("remote_file_url", remote.url("/never-finishes")))
                .add(Json.createObjectBuilder().add("remote_file_url", remote.url("/never-finishes")))
                .add(hashOf(smallPng(50, 20)))
                .add(Json.createObjectBuilder().add("image_id", source).add("rotation", 90))
                .add(hashOf(smallPng(60, 20))));
        assertEquals(202, queued.status(), queued.body());
        List<String> ids = new ArrayList<>(BulkIT.ids(queued));
        String doomed = ids.get(2);
        String fromSource = ids.get(3);
        assertTrue(Files.isDirectory(folder(doomed)), "the bulk stored the item's original");

        Api.Reply sourceRefused = delete(node, token, source);
        assertEquals(409, sourceRefused.status(), sourceRefused.body());
        assertEquals("conflict", sourceRefused.errorCode());
        assertEquals(204, delete(node, token, doomed).status());

        Map<String, JsonObject> settled = Statuses.awaitSettled(node, token,
                Set.of(ids.get(0), ids.get(1), fromSource, ids.get(4)), Duration.ofSeconds(60));
        assertEquals("ready", settled.get(fromSource).getString("status"), settled.get(fromSource).toString());
        assertEquals("ready", settled.get(ids.get(4)).getString("status"));
        assertEquals(404, Uploads.get(token, "/user/images/" + doomed).status());
        assertFalse(Files.exists(folder(doomed)), "no file of the cancelled item, before or after its message");
        assertEquals("0", Stack.sqlString("SELECT COUNT(*) FROM images WHERE id = ?", doomed));

        assertEquals(204, delete(node, token, source).status(), "once its readers have settled");
        assertEquals(200, Uploads.get(token, "/user/images/" + fromSource).status(), "the item keeps its own files");
    }
}
