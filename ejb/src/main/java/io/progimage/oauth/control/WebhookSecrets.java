package io.progimage.oauth.control;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Webhook signing secrets (issue 14 §4): made here, shown once, and stored sealed. The server must
 * compute each delivery's HMAC with the secret, so unlike a client secret it cannot be kept as a
 * digest; it is encrypted with AES-256-GCM under a key of the cluster's ({@code server_secrets},
 * shared by the nodes like the authorize form's key), with the application's client id as
 * associated data: a copy of one application's column into another's row does not open. A read
 * of the applications table alone (a leaked export, a stray query) shows no secret that signs.
 * Stored as {@code aes-gcm:<base64url(12-byte IV | ciphertext | tag)>}; the scheme is named so a
 * later one can be told apart.
 */
public final class WebhookSecrets {

    /** Secrets start with this (as Stripe's do), so one is recognisable wherever it turns up. */
    public static final String PREFIX = "whsec_";
    static final String SCHEME = "aes-gcm:";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    /** {@code hexKey}: 32 bytes in hex, as {@code ServerSecrets} makes them. */
    public WebhookSecrets(String hexKey) {
        byte[] raw = HexFormat.of().parseHex(hexKey);
        if (raw.length != 32) {
            throw new IllegalArgumentException("the webhook secrets' key must be 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** A new secret: {@code whsec_} and 40 alphanumerics (≈238 bits). */
    public static String generate() {
        return PREFIX + Secrets.randomAlphanumeric(40);
    }

    public String seal(String secret, String clientId) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, clientId, secret.getBytes(StandardCharsets.UTF_8));
        return SCHEME + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }

    /** The secret; an exception when the value was not sealed by this key for this client (never a wrong secret). */
    public String open(String stored, String clientId) {
        if (!stored.startsWith(SCHEME)) {
            throw new IllegalStateException("a webhook secret is stored in an unknown scheme");
        }
        byte[] raw = Base64.getUrlDecoder().decode(stored.substring(SCHEME.length()));
        if (raw.length <= IV_BYTES) {
            throw new IllegalStateException("a stored webhook secret is truncated");
        }
        byte[] iv = java.util.Arrays.copyOf(raw, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(raw, IV_BYTES, raw.length);
        return new String(crypt(Cipher.DECRYPT_MODE, iv, clientId, sealed), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] iv, String clientId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(clientId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("a stored webhook secret does not open with this key for this client", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has AES-GCM", e);
        }
    }
}
