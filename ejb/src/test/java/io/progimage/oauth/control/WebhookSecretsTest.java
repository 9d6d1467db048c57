package io.progimage.oauth.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretsTest {

    private static final String KEY = Secrets.randomHex(32);

    @Test
    void aSecretIsRecognisableAndLongEnough() {
        String secret = WebhookSecrets.generate();
        assertTrue(secret.matches("whsec_[A-Za-z0-9]{40}"), secret);
        assertNotEquals(secret, WebhookSecrets.generate());
    }

    @Test
    void aSealedSecretOpensForItsClientOnlyAndNeverShowsInTheStoredForm() {
        WebhookSecrets secrets = new WebhookSecrets(KEY);
        String secret = WebhookSecrets.generate();
        String sealed = secrets.seal(secret, "client-a");
        assertTrue(sealed.startsWith("aes-gcm:"), sealed);
        assertTrue(!sealed.contains(secret.substring(6)));
        assertTrue(sealed.length() <= 255, "fits the column: " + sealed.length());
        assertNotEquals(sealed, secrets.seal(secret, "client-a"), "a fresh IV every time");
        assertEquals(secret, secrets.open(sealed, "client-a"));
        assertThrows(IllegalStateException.class, () -> secrets.open(sealed, "client-b"), "copied to another application's row");
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(Secrets.randomHex(32)).open(sealed, "client-a"), "another key");
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        WebhookSecrets secrets = new WebhookSecrets(KEY);
        String sealed = secrets.seal(WebhookSecrets.generate(), "client-a");
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThrows(IllegalStateException.class, () -> secrets.open(tampered, "client-a"));
        assertThrows(IllegalStateException.class, () -> secrets.open("plain:" + sealed, "client-a"));
    }
}
