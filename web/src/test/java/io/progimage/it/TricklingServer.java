package io.progimage.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A server on 127.0.0.1 that answers every request with the same status line and headers, sent
 * one byte at a time with a pause before each, then the body at once: the remote side that
 * trickles its answer (issue 11 §4). A bare ServerSocket, since a real web server writes its
 * head in one go. It notes when the client closed the connection while the head was still
 * being sent.
 */
final class TricklingServer implements AutoCloseable {

    private final ServerSocket listener;
    private final byte[] head;
    private final byte[] body;
    private final Duration pause;
    private final CountDownLatch hungUp = new CountDownLatch(1);

    TricklingServer(String head, byte[] body, Duration pause) throws IOException {
        this.head = head.getBytes(StandardCharsets.US_ASCII);
        this.body = body;
        this.pause = pause;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "trickling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** Counts down when a client hung up before the whole answer was sent. */
    CountDownLatch hungUp() {
        return hungUp;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                Thread conversation = new Thread(() -> trickle(connection), "trickling-connection");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void trickle(Socket connection) {
        try (connection) {
            if (!skipRequestHead(connection.getInputStream())) {
                return;
            }
            OutputStream out = connection.getOutputStream();
            try {
                for (byte b : head) {
                    Thread.sleep(pause.toMillis()); // the pace under test, not a synchronization
                    out.write(b);
                    out.flush();
                }
            } catch (IOException clientHungUp) {
                hungUp.countDown();
                return;
            }
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the client left outside the head (reset before its request, or during the body): not what is watched for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads up to the blank line that ends the request's head; false if the client left first. */
    private static boolean skipRequestHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            boolean expected = b == (matched % 2 == 0 ? '\r' : '\n');
            matched = expected ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
