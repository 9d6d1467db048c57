package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A thin HTTP client for the tests: real requests to the node, replies with their JSON at hand. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Api() {
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The contract's error code, {@code error.code} (API.md §1). */
        public String errorCode() {
            return json().getJsonObject("error").getString("code");
        }
    }

    public static HttpRequest.Builder request(String path) {
        return request(Stack.baseUri(), path);
    }

    /**
     * A request as from a client of its own: a random address in X-Forwarded-For (the stack
     * trusts 127.0.0.1 as a proxy), so that the per-IP rate limit of API.md §6 does not make
     * one test's sign-ups count against another's. A test about that limit sets the header itself.
     */
    public static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .setHeader("X-Forwarded-For", randomClientAddress());
    }

    public static String randomClientAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static Reply get(String path, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).GET().build());
    }

    public static Reply post(String path, String contentType, String body, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static Reply postJson(String path, JsonValue body, String... headers) {
        return post(path, "application/json", body.toString(), headers);
    }

    public static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            ApiContract.check(response);
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends only the head of a POST that announces {@code contentLength} bytes of JSON, and reads
     * the answer: it must come without the server waiting for a body it was never sent.
     * (The JDK client cannot show this: it fails when the server answers before the body is sent.)
     */
    public static String headersOnly(String path, long contentLength, String... headers) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(Stack.baseUri().getHost(), Stack.baseUri().getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + contentLength + "\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                answer.append(line).append("\r\n");
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            char[] body = new char[length];
            for (int read = 0; read < length; ) {
                int n = in.read(body, read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return answer.append("\r\n").append(body).toString();
        }
    }

    private static String[] headersOrNone(String[] headers) {
        // HttpRequest.Builder.headers() refuses an empty array
        return headers.length == 0 ? new String[]{"Accept", "*/*"} : headers;
    }

    static List<String> values(Reply reply, String header) {
        return reply.headers().allValues(header);
    }
}
