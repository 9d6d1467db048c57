package io.progimage.images.control;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP server on 127.0.0.1 built on a bare ServerSocket, so that a test decides every byte
 * of the answer and every pause between them: what a trickling server does, which no real web
 * server lets a test do. It notes, per path, when the client hung up while the answer was still
 * being played, which is how a test sees that a give-up closed the socket instead of leaving it.
 */
final class ScriptedServer implements AutoCloseable {

    /** The answer to one request, written to the connection (which it may also read or close). */
    interface Script {
        void play(String path, Socket connection) throws IOException, InterruptedException;
    }

    private final ServerSocket listener;
    private final Script script;
    private final Map<String, CountDownLatch> requested = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> hungUp = new ConcurrentHashMap<>();

    ScriptedServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** Counts down when a request for the path arrived. */
    CountDownLatch requested(String path) {
        return latch(requested, path);
    }

    /** Counts down when the client closed the connection while the path's answer was being played. */
    CountDownLatch hungUp(String path) {
        return latch(hungUp, path);
    }

    private static CountDownLatch latch(Map<String, CountDownLatch> latches, String path) {
        return latches.computeIfAbsent(path, p -> new CountDownLatch(1));
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                Thread conversation = new Thread(() -> converse(connection), "scripted-connection");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Requests one after the other on one connection (the client may keep it alive), until it closes. */
    private void converse(Socket connection) {
        try (connection) {
            while (true) {
                String path = requestPath(connection.getInputStream());
                if (path == null) {
                    return;
                }
                requested(path).countDown();
                try {
                    script.play(path, connection);
                } catch (IOException clientHungUp) {
                    hungUp(path).countDown();
                    return;
                }
                if (connection.isClosed()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the test is over, or the client left between requests
        }
    }

    /** The path of the next request on the connection (headers read and ignored), or null at its end. */
    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        while (matched < end.length) {
            int b;
            try {
                b = in.read();
            } catch (SocketException reset) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        String requestLine = head.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0];
        return requestLine.split(" ")[1];
    }

    /** Writes the text one byte at a time, pausing before each: a server that trickles. */
    static void trickle(OutputStream out, String text, long pauseMillis) throws IOException, InterruptedException {
        trickle(out, text.getBytes(StandardCharsets.ISO_8859_1), pauseMillis);
    }

    static void trickle(OutputStream out, byte[] bytes, long pauseMillis) throws IOException, InterruptedException {
        for (byte b : bytes) {
            Thread.sleep(pauseMillis); // the pace under test, not a synchronization
            out.write(b);
            out.flush();
        }
    }

    /** Blocks until the client closes the connection, then reports it as a hang-up. */
    static void awaitHangUp(Socket connection) throws IOException {
        InputStream in = connection.getInputStream();
        while (in.read() >= 0) {
            // the client has nothing more to send on this connection: wait for its end
        }
        throw new EOFException("the client closed the connection");
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
