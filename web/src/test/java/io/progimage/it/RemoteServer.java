package io.progimage.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on 127.0.0.1 playing the remote side of {@code remote_file_url}: files, redirect
 * chains, a 404, a huge answer and one that never finishes. It counts the requests it gets, so a
 * test can show that a refused URL was never even fetched.
 */
final class RemoteServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    RemoteServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void serve(String path, byte[] body) {
        files.put(path, body);
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.startsWith("/redirect/")) {
                // /redirect/N/target: N more redirects, then the target
                String[] parts = path.split("/", 4);
                int left = Integer.parseInt(parts[2]);
                String next = left <= 1 ? "/" + parts[3] : "/redirect/" + (left - 1) + "/" + parts[3];
                exchange.getResponseHeaders().add("Location", next);
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/huge")) {
                exchange.sendResponseHeaders(200, 0); // chunked, no length announced
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 1024; i++) { // 64 MiB, far over any limit
                        out.write(chunk);
                    }
                } catch (IOException clientGaveUp) {
                    // expected: the service stops reading at its limit
                }
            } else if (path.equals("/never-finishes")) {
                exchange.sendResponseHeaders(200, 1_000_000);
                exchange.getResponseBody().write(new byte[]{(byte) 0xFF, (byte) 0xD8});
                exchange.getResponseBody().flush();
                release.await(); // until the test ends: the service must give up on its own
            } else if (files.containsKey(path)) {
                byte[] body = files.get(path);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
