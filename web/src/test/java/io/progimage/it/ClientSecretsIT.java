package io.progimage.it;

import io.progimage.it.OAuthClient.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static io.progimage.it.OAuthClient.code;
import static io.progimage.it.OAuthClient.form;
import static io.progimage.it.OAuthClient.newAccount;
import static io.progimage.it.OAuthClient.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How client secrets are stored (issue 11 §5): a SHA-256 digest, checked without a slow hash;
 * a secret stored by an earlier version as a PBKDF2 hash keeps working and is replaced by its
 * digest on its first successful use.
 */
@ExtendWith(Stack.class)
class ClientSecretsIT {

    private static final String STORED = "SELECT client_secret_hash FROM oauth_applications WHERE client_id = ?";

    @Test
    void aNewApplicationsSecretIsStoredAsItsSha256Digest() throws Exception {
        Account account = newAccount();
        assertEquals(digest(account.clientSecret()), Stack.sqlString(STORED, account.clientId()));
        assertEquals(200, token(account, code(account, Map.of())).status());
    }

    @Test
    void aLegacyPbkdf2HashedSecretKeepsWorkingAndIsMigratedOnItsNextUse() throws Exception {
        Account account = newAccount();
        String legacy = legacyPbkdf2(account.clientSecret());
        assertEquals(1, Stack.sql("UPDATE oauth_applications SET client_secret_hash = ? WHERE client_id = ?", legacy, account.clientId()));

        // a wrong secret is refused and migrates nothing
        Api.Reply wrong = Api.post("/oauth/token", "application/x-www-form-urlencoded", form(Map.of(
                "client_id", account.clientId(), "client_secret", "not-" + account.clientSecret(), "code", code(account, Map.of()))));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("invalid_client", wrong.json().getString("error"));
        assertEquals(legacy, Stack.sqlString(STORED, account.clientId()));

        Api.Reply granted = token(account, code(account, Map.of()));
        assertEquals(200, granted.status(), granted.body());
        assertEquals(digest(account.clientSecret()), Stack.sqlString(STORED, account.clientId()));

        // and the migrated form serves the next exchange
        assertEquals(200, token(account, code(account, Map.of())).status());
    }

    private static String digest(String secret) throws GeneralSecurityException {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The form the previous version stored, as Jakarta Security's Pbkdf2PasswordHash writes it
     * with the parameters it was given (PBKDF2-HMAC-SHA512, 210 000 iterations, 16-byte salt,
     * 32-byte key): {@code algorithm:iterations:base64(salt):base64(key)}.
     */
    private static String legacyPbkdf2(String secret) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(secret.toCharArray(), salt, 210_000, 32 * 8)).getEncoded();
        return "PBKDF2WithHmacSHA512:210000:" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(key);
    }
}
