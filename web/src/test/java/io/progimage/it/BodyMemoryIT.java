package io.progimage.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies are counted in the heap they hold as they are read: with room for one largest
 * body (the second node's setting), a second large body while the first is being received is
 * refused with 503 instead of being held too, a small one still passes, and the room comes back
 * when the first exchange ends. A body announced but not sent holds nothing.
 */
@ExtendWith(Stack.class)
class BodyMemoryIT {

    private static final Pattern AVAILABLE = Pattern.compile("(?m)^\\w*upload_memory_available_bytes(\\{[^}]*})?\\s+(\\S+)");

    @Test
    void aLargeBodyWhileAnotherHoldsTheRoomIs503AndTheRoomComesBack() throws Exception {
        URI node = Stack.secondNodeUri();
        long room = available(node);
        try (Socket announcedOnly = new Socket(node.getHost(), node.getPort())) {
            send(announcedOnly, head(Stack.MAX_BODY_BYTES));
            assertEquals(422, smallSignUp(node)); // one exchange later, the announcement has been seen
            assertEquals(room, available(node), "a body announced but never sent reserved room");
        }
        try (Socket first = new Socket(node.getHost(), node.getPort())) {
            // all of the body but its last byte: the server has read, and counted, nearly 4 MiB
            send(first, head(Stack.MAX_BODY_BYTES));
            byte[] body = ("{\"name\":\"" + "n".repeat(Stack.MAX_BODY_BYTES - 12) + "\"}").getBytes(StandardCharsets.US_ASCII);
            first.getOutputStream().write(body, 0, body.length - 1);
            first.getOutputStream().flush();
            // it holds 4 times the 4 MiB: what is left of the room is the 1 MiB spare
            awaitAvailableBelow(node, room - 4L * Stack.MAX_BODY_BYTES + 1);

            // a body of 300 kB needs 1.2 MB: more than is left. (Raw, and small enough to be sent
            // whole: the server answers before it reads the body, which the JDK client takes for a failure.)
            String second = "{\"name\":\"" + "n".repeat(300_000) + "\"}";
            RawHttp.Answer refused = RawHttp.send(node, "POST", "/users", second, "Content-Type", "application/json");
            assertEquals(503, refused.status(), refused.body());
            assertTrue(refused.body().contains("\"service_unavailable\""), refused.body());
            assertTrue(refused.header("Retry-After") != null);
            assertEquals("*", refused.header("Access-Control-Allow-Origin"));
            assertEquals(422, smallSignUp(node), "a small body needs little room and still passes");
        }
        // the first exchange ends when its client goes away
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (available(node) < room && System.nanoTime() < end) {
            Thread.sleep(200); // the polling interval, not a guess at how long the release takes
        }
        Api.Reply again = largeSignUp(node);
        assertEquals(422, again.status(), again.body());
    }

    private static String head(int length) {
        return "POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private static void send(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Polls the node's gauge (about five times a second, bounded) until it is below {@code bound}. */
    private static void awaitAvailableBelow(URI node, long bound) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (available(node) >= bound) {
            if (System.nanoTime() > end) {
                throw new AssertionError("upload memory still at " + available(node) + ", expected below " + bound);
            }
            Thread.sleep(200); // the polling interval
        }
    }

    private static long available(URI node) {
        String metrics = Api.send(Api.request(node, "/metrics").GET().build()).body();
        Matcher matcher = AVAILABLE.matcher(metrics);
        assertTrue(matcher.find(), "no upload_memory_available_bytes in /metrics");
        return (long) Double.parseDouble(matcher.group(2));
    }

    private static int smallSignUp(URI node) {
        return Api.send(Api.request(node, "/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).status();
    }

    /** A body of nearly the largest size (an over-long name: 422 once read). */
    private static Api.Reply largeSignUp(URI node) {
        String body = "{\"name\":\"" + "n".repeat(Stack.MAX_BODY_BYTES - 100) + "\"}";
        return Api.send(Api.request(node, "/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
