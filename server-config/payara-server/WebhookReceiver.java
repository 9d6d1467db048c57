import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The smoke test's webhook receiver (run as a single-file program, JDK only): answers 500 to the
 * first POST and 204 to the rest, and appends one line per request to LOG: the status it answered,
 * whether the ProgImage-Signature verifies with SECRET (HMAC-SHA256 over "t.body", constant-time),
 * the ProgImage-Delivery id and the body's bulk_id. Prints its port on stdout once listening.
 *
 *   java WebhookReceiver.java SECRET LOG
 */
public final class WebhookReceiver {

    public static void main(String[] args) throws IOException {
        byte[] secret = args[0].getBytes(StandardCharsets.UTF_8);
        Path log = Path.of(args[1]);
        AtomicInteger seen = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status = seen.getAndIncrement() == 0 ? 500 : 204;
                String signature = exchange.getRequestHeaders().getFirst("ProgImage-Signature");
                String delivery = exchange.getRequestHeaders().getFirst("ProgImage-Delivery");
                String text = new String(body, StandardCharsets.UTF_8);
                String bulk = text.replaceAll("(?s).*\"bulk_id\"\\s*:\\s*\"([^\"]*)\".*", "$1");
                String line = status + " verified=" + verifies(signature, body, secret) + " delivery=" + delivery
                        + " bulk=" + bulk + "\n";
                Files.writeString(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
    }

    private static boolean verifies(String header, byte[] body, byte[] secret) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
