package io.progimage.oauth.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The anti-forgery token of the authorize page: an HMAC, under a key shared by the cluster, of
 * the request the page was rendered for and the time it was rendered. A submit whose hidden
 * inputs were altered (another client, redirect URL, state or PKCE challenge) or that is older
 * than {@link #LIFETIME} is refused. Stateless, so a page rendered by one node can be
 * submitted to another, and a client that submits the hidden inputs needs no cookie (API.md §3.1).
 */
public final class FormTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SecretKeySpec key;

    public FormTokens(String hexKey) {
        this.key = new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256");
    }

    public String issue(List<String> fields, Instant now) {
        long issuedAt = now.getEpochSecond();
        return issuedAt + "." + mac(issuedAt, fields);
    }

    public boolean verify(String token, List<String> fields, Instant now) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return false;
        }
        long issuedAt;
        try {
            issuedAt = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        // plain long arithmetic, in an order that cannot overflow: the number is the client's
        // (Instant.ofEpochSecond refuses most longs, and a forged token must be a plain refusal)
        long nowSeconds = now.getEpochSecond();
        if (issuedAt < 0 || issuedAt > nowSeconds + 60 || nowSeconds - issuedAt >= LIFETIME.toSeconds()) {
            return false;
        }
        return Secrets.constantTimeEquals(token.substring(dot + 1), mac(issuedAt, fields));
    }

    private String mac(long issuedAt, List<String> fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(Long.toString(issuedAt).getBytes(StandardCharsets.UTF_8));
            for (String field : fields) {
                // length-prefixed, so ("ab","c") and ("a","bc") cannot collide
                String value = field == null ? "" : field;
                mac.update((";" + (field == null ? -1 : value.length()) + ":" + value).getBytes(StandardCharsets.UTF_8));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
