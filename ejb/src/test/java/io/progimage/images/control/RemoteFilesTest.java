package io.progimage.images.control;

import io.progimage.images.control.RemoteFiles.Refused;
import io.progimage.images.control.RemoteFiles.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.progimage.images.control.ScriptedServer.awaitHangUp;
import static io.progimage.images.control.ScriptedServer.trickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remote fetch against a server on 127.0.0.1 that answers byte by byte as each test scripts
 * it. Every slow server here sends its bytes often enough that no single read ever waits long:
 * only a deadline over the whole exchange can end it. None of these asserts a duration: a
 * fetch that is too slow fails with the timeout refusal, and the server sees its connection
 * closed while it is still sending, so no thread was left blocked on that socket.
 */
class RemoteFilesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final int LIMIT = 200_000;
    /** How long a server that is too slow takes in all: well past the deadline. */
    private static final Duration TOO_SLOW = DEADLINE.multipliedBy(3);
    /** Generous: the server sees the hang-up one pause after the deadline. Not an assertion on time. */
    private static final long HANG_UP_WAIT_SECONDS = 20;

    private final RemoteFiles remoteFiles = remoteFiles(DEADLINE);
    private ScriptedServer server;

    private static RemoteFiles remoteFiles(Duration deadline) {
        // private addresses allowed: the server is on the loopback
        return new RemoteFiles(new Settings(true, LIMIT, Duration.ofSeconds(1), deadline, 3));
    }

    @AfterEach
    void close() throws IOException {
        remoteFiles.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void statusLineAndHeadersTrickledPastTheDeadlineAreCutOffThere() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\nbody";
        server = new ScriptedServer((path, connection) -> trickleOver(connection, answer, TOO_SLOW));

        assertTimedOut(() -> remoteFiles.fetch(server.url("/slow-headers")));
        assertHungUp("/slow-headers");
    }

    @Test
    void aBodyTrickledPastTheDeadlineIsCutOffThereAndNotDrained() throws Exception {
        byte[] body = new byte[60];
        server = new ScriptedServer((path, connection) -> {
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            trickle(out, body, TOO_SLOW.toMillis() / body.length);
        });

        assertTimedOut(() -> remoteFiles.fetch(server.url("/slow-body")));
        assertHungUp("/slow-body");
    }

    @Test
    void theDeadlineCoversTheWholeRedirectChainNotEachHop() throws Exception {
        // each hop alone takes well under the deadline; the three together take more
        Duration hop = DEADLINE.multipliedBy(7).dividedBy(20);
        Duration lastHop = DEADLINE.dividedBy(2);
        server = new ScriptedServer((path, connection) -> {
            switch (path) {
                case "/a" -> trickleOver(connection, redirect("/b"), hop);
                case "/b" -> trickleOver(connection, redirect("/c"), hop);
                default -> trickleOver(connection, "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody", lastHop);
            }
        });

        assertTimedOut(() -> remoteFiles.fetch(server.url("/a")));
        assertHungUp("/c"); // the last hop was reached, and cut off while it was still arriving
    }

    @Test
    void aSlowServerThatFinishesInTimeIsFetched() throws Exception {
        byte[] file = randomBytes(5_000);
        // pauses over a second in all (longer than the connect timeout), within a five-second deadline
        try (RemoteFiles patient = remoteFiles(Duration.ofSeconds(5))) {
            server = new ScriptedServer((path, connection) -> {
                OutputStream out = connection.getOutputStream();
                Thread.sleep(300);
                if (path.equals("/start")) {
                    out.write(redirect("/file").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return;
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + file.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < 5; i++) {
                    Thread.sleep(200);
                    out.write(file, i * 1_000, 1_000);
                    out.flush();
                }
            });

            assertArrayEquals(file, patient.fetch(server.url("/start")));
        }
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeAnyOfTheBodyIsRead() throws Exception {
        server = new ScriptedServer((path, connection) -> {
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitHangUp(connection); // sends no byte of the body: a client waiting for it would time out instead
        });

        Refused refused = assertThrows(Refused.class, () -> remoteFiles.fetch(server.url("/announced-too-big")));
        assertTrue(refused.getMessage().contains("larger than " + LIMIT), refused.getMessage());
        assertHungUp("/announced-too-big");
    }

    @Test
    void aBodyOfExactlyTheLimitIsFetchedWhetherItsLengthIsAnnouncedOrNot() throws Exception {
        byte[] file = randomBytes(LIMIT); // several times the first buffer: it has to grow
        server = new ScriptedServer((path, connection) -> answer(connection, file, path.equals("/announced")));

        assertArrayEquals(file, remoteFiles.fetch(server.url("/announced")));
        assertArrayEquals(file, remoteFiles.fetch(server.url("/unannounced")));
    }

    @Test
    void anUnannouncedBodyOneByteOverTheLimitIsRefused() throws Exception {
        byte[] file = randomBytes(LIMIT + 1);
        server = new ScriptedServer((path, connection) -> answer(connection, file, false));

        Refused refused = assertThrows(Refused.class, () -> remoteFiles.fetch(server.url("/one-too-many")));
        assertTrue(refused.getMessage().contains("larger than " + LIMIT), refused.getMessage());
    }

    @Test
    void shortBodiesOfAnnouncedLengthAreFetchedExactly() throws Exception {
        server = new ScriptedServer((path, connection) -> answer(connection, path.equals("/empty") ? new byte[0] : "GIF89a".getBytes(StandardCharsets.US_ASCII), true));

        assertArrayEquals(new byte[0], remoteFiles.fetch(server.url("/empty")));
        assertArrayEquals("GIF89a".getBytes(StandardCharsets.US_ASCII), remoteFiles.fetch(server.url("/small")));
    }

    /** The whole answer at once; its length announced, or the body ended by closing the connection. */
    private static void answer(Socket connection, byte[] body, boolean announced) throws IOException {
        OutputStream out = connection.getOutputStream();
        String head = announced
                ? "HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        if (!announced) {
            connection.close();
        }
    }

    private static String redirect(String location) {
        return "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
    }

    /** The text one byte at a time, evenly spread so that sending it all takes at least {@code total}. */
    private static void trickleOver(Socket connection, String text, Duration total) throws IOException, InterruptedException {
        long pause = (total.toMillis() + text.length() - 1) / text.length();
        trickle(connection.getOutputStream(), text, pause);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static void assertTimedOut(org.junit.jupiter.api.function.Executable fetch) {
        Refused refused = assertThrows(Refused.class, fetch);
        assertTrue(refused.getMessage().startsWith("the remote server did not send the file within"), refused.getMessage());
    }

    private void assertHungUp(String path) throws InterruptedException {
        assertTrue(server.hungUp(path).await(HANG_UP_WAIT_SECONDS, TimeUnit.SECONDS),
                "the client must have closed the connection for " + path + " while the server was still sending");
    }
}
