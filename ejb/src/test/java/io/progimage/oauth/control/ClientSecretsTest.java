package io.progimage.oauth.control;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientSecretsTest {

    private static final String SECRET = Secrets.randomAlphanumeric(48);

    /** The digest form must never fall back on the slow hash. */
    private static final BiPredicate<String, String> NO_LEGACY = (secret, stored) -> {
        throw new AssertionError("legacy verifier called for " + stored);
    };

    @Test
    void theStoredFormNamesItsSchemeAndHoldsTheSha256() {
        assertEquals("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ClientSecrets.digest("abc"));
        // fits the column (VARCHAR(255)) with room to spare
        assertTrue(ClientSecrets.digest(SECRET).length() <= 255);
    }

    @Test
    void theRightSecretIsAcceptedByItsDigest() {
        assertEquals(ClientSecrets.Verdict.ACCEPTED, ClientSecrets.verify(SECRET, ClientSecrets.digest(SECRET), NO_LEGACY));
    }

    @Test
    void aWrongSecretIsRefused() {
        String stored = ClientSecrets.digest(SECRET);
        String lastCharChanged = SECRET.substring(0, 47) + (SECRET.charAt(47) == 'a' ? 'b' : 'a');
        assertEquals(ClientSecrets.Verdict.REFUSED, ClientSecrets.verify(lastCharChanged, stored, NO_LEGACY));
        assertEquals(ClientSecrets.Verdict.REFUSED, ClientSecrets.verify("", stored, NO_LEGACY));
        assertEquals(ClientSecrets.Verdict.REFUSED, ClientSecrets.verify(SECRET + "x", stored, NO_LEGACY));
        assertFalse(ClientSecrets.Verdict.REFUSED.accepted());
    }

    @Test
    void aLegacyPbkdf2HashStillWorksAndAsksToBeMigrated() {
        String legacy = LegacyPbkdf2.hash(SECRET);
        ClientSecrets.Verdict verdict = ClientSecrets.verify(SECRET, legacy, LegacyPbkdf2::verify);
        assertEquals(ClientSecrets.Verdict.ACCEPTED_NEEDS_MIGRATION, verdict);
        assertTrue(verdict.accepted());
        // what the caller then stores is accepted by the fast path alone
        assertEquals(ClientSecrets.Verdict.ACCEPTED, ClientSecrets.verify(SECRET, ClientSecrets.digest(SECRET), NO_LEGACY));
    }

    @Test
    void aWrongSecretAgainstALegacyHashIsRefusedAndNotMigrated() {
        assertEquals(ClientSecrets.Verdict.REFUSED, ClientSecrets.verify("not the secret", LegacyPbkdf2.hash(SECRET), LegacyPbkdf2::verify));
    }

    @Test
    void aStoredValueInNoKnownSchemeIsOurBugNotARefusal() {
        assertThrows(IllegalStateException.class, () -> ClientSecrets.verify(SECRET, Secrets.sha256Hex(SECRET), NO_LEGACY));
    }

    /**
     * What Jakarta Security's Pbkdf2PasswordHash (Soteria) wrote for client secrets before:
     * {@code algorithm:iterations:base64(salt):base64(key)}, written here with the JDK alone
     * (fewer iterations than production, to keep the test fast; the format carries them).
     */
    static final class LegacyPbkdf2 {

        static String hash(String secret) {
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            return "PBKDF2WithHmacSHA512:1024:" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(derive(secret, salt, 1024, 32));
        }

        static boolean verify(String secret, String stored) {
            String[] parts = stored.split(":");
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected,
                    derive(secret, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]), expected.length));
        }

        private static byte[] derive(String secret, byte[] salt, int iterations, int bytes) {
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                        .generateSecret(new PBEKeySpec(secret.toCharArray(), salt, iterations, bytes * 8)).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
