package io.progimage.oauth.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.BiPredicate;

/**
 * How client secrets are stored and checked. A secret is 48 random alphanumerics (≈285 bits):
 * nobody can guess it or search a dictionary for it, so a salted, slow hash would protect
 * nothing that a plain SHA-256 digest does not, and would cost a PBKDF2 (~0.9 s of CPU) per
 * token request. Stored values name their scheme: {@code sha256:<64 hex>} now; earlier rows hold
 * a Jakarta Security PBKDF2 hash ({@code PBKDF2WithHmacSHA512:<iterations>:<salt>:<hash>}), still
 * accepted and replaced by the digest on their next successful use.
 */
public final class ClientSecrets {

    static final String SHA256_PREFIX = "sha256:";
    private static final String PBKDF2_PREFIX = "PBKDF2With";

    /** Compared against for an unknown client id: the same work as a real check, never a match. */
    private static final byte[] DECOY = new byte[32];

    public enum Verdict {
        REFUSED, ACCEPTED,
        /** Accepted, but stored in the legacy slow form: store {@link #digest} of it now. */
        ACCEPTED_NEEDS_MIGRATION;

        public boolean accepted() {
            return this != REFUSED;
        }
    }

    private ClientSecrets() {
    }

    /** The stored form of a new secret. */
    public static String digest(String secret) {
        return SHA256_PREFIX + Secrets.sha256Hex(secret);
    }

    /**
     * Checks a presented secret against its stored form. A legacy PBKDF2 value is handed to
     * {@code legacyVerifier} (the slow, concurrency-bounded password hash); a value in neither
     * form is our bug, not the client's, so it is an exception rather than a refusal.
     */
    public static Verdict verify(String secret, String stored, BiPredicate<String, String> legacyVerifier) {
        if (stored.startsWith(SHA256_PREFIX)) {
            return digestMatches(secret, HexFormat.of().parseHex(stored, SHA256_PREFIX.length(), stored.length()))
                    ? Verdict.ACCEPTED : Verdict.REFUSED;
        }
        if (stored.startsWith(PBKDF2_PREFIX)) {
            return legacyVerifier.test(secret, stored) ? Verdict.ACCEPTED_NEEDS_MIGRATION : Verdict.REFUSED;
        }
        throw new IllegalStateException("a client secret is stored in an unknown scheme");
    }

    /** One SHA-256 and one comparison, like a real check, so timing does not reveal which client ids exist. */
    public static void verifyDecoy(String secret) {
        digestMatches(secret, DECOY);
    }

    private static boolean digestMatches(String secret, byte[] expected) {
        // MessageDigest.isEqual takes the same time wherever the digests differ
        return MessageDigest.isEqual(Secrets.sha256(secret.getBytes(StandardCharsets.UTF_8)), expected);
    }
}
