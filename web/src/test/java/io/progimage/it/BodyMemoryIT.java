package io.progimage.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies reserve heap before they are read: with room for one largest body (the second
 * node's setting), a second one while the first is still being received is refused with 503
 * instead of being held too, and the room comes back when the first exchange ends.
 */
@ExtendWith(Stack.class)
class BodyMemoryIT {

    @Test
    void aLargeBodyWhileAnotherHoldsTheRoomIs503AndTheRoomComesBack() throws Exception {
        URI node = Stack.secondNodeUri();
        try (Socket first = new Socket(node.getHost(), node.getPort())) {
            first.setSoTimeout(30_000);
            first.getOutputStream().write(("POST /users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + Stack.MAX_BODY_BYTES + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            first.getOutputStream().flush();
            // the server asks for the body once the application reads it: the room is reserved by then
            String interim = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(interim.startsWith("HTTP/1.1 100"), interim);

            Api.Reply second = largeSignUp(node);
            assertEquals(503, second.status(), second.body());
            assertEquals("service_unavailable", second.errorCode());
            assertTrue(second.header("Retry-After") != null);
            assertEquals("*", second.header("Access-Control-Allow-Origin"));
            // a small body needs little room and still passes
            assertEquals(422, Api.send(Api.request(node, "/users").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).status());
        }
        // the first exchange ends when its client goes away; poll until its room is back
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Api.Reply again = largeSignUp(node);
        while (again.status() == 503 && System.nanoTime() < end) {
            Thread.sleep(200); // the polling interval, not a guess at how long the release takes
            again = largeSignUp(node);
        }
        assertEquals(422, again.status(), again.body());
    }

    /** A body of nearly the largest size (an over-long name: 422 once read). */
    private static Api.Reply largeSignUp(URI node) {
        String body = "{\"name\":\"" + "n".repeat(Stack.MAX_BODY_BYTES - 100) + "\"}";
        return Api.send(Api.request(node, "/users").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
