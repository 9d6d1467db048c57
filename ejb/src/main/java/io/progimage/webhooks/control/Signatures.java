package io.progimage.webhooks.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code ProgImage-Signature} header of a webhook, Stripe's scheme:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the MAC keyed with the application's webhook
 * secret (its UTF-8 bytes, exactly as shown, {@code whsec_} included) over the bytes
 * {@code "<t>." + body}. Binding the time into the MAC lets a receiver refuse a replayed
 * delivery: it recomputes the MAC, compares in constant time, and refuses a {@code t} more than
 * {@link #TOLERANCE_SECONDS} from its own clock.
 */
public final class Signatures {

    /** The replay window receivers should enforce (and {@link #verify} does). */
    public static final long TOLERANCE_SECONDS = 300;

    private Signatures() {
    }

    public static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac(secret, timestamp, body));
    }

    /**
     * What a receiver does: true when one {@code v1} of {@code header} is the MAC of this body at
     * its {@code t}, and {@code t} is within the tolerance of {@code nowSeconds}.
     */
    public static boolean verify(String header, String secret, byte[] body, long nowSeconds) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t") && kv[1].matches("[0-9]{1,18}")) {
                timestamp = Long.parseLong(kv[1]);
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(mac(secret, timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String signature : signatures) {
            // every candidate compared, each in constant time
            match |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private static byte[] mac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
