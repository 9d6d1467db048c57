package io.progimage.oauth.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client authentication as the token and revocation endpoints read it (RFC 6749 §2.3). */
class ClientCredentialsTest {

    @Test
    void credentialsInTheBody() throws OAuthRefusal {
        assertEquals(new ClientCredentials("id", "secret", false),
                ClientCredentials.from(Map.of("client_id", "id", "client_secret", "secret"), null));
    }

    @Test
    void basicCredentialsAreFormDecodedAndMayRepeatTheSameClientId() throws OAuthRefusal {
        assertEquals(new ClientCredentials("i d", "s:+/", true), ClientCredentials.from(Map.of(), basic("i+d", "s%3A%2B%2F")));
        assertEquals(new ClientCredentials("id", "secret", true),
                ClientCredentials.from(Map.of("client_id", "id"), basic("id", "secret")));
    }

    @Test
    void twoMethodsOrTwoIdsAreInvalidRequest() {
        OAuthRefusal both = assertThrows(OAuthRefusal.class,
                () -> ClientCredentials.from(Map.of("client_secret", "secret"), basic("id", "secret")));
        assertEquals("invalid_request", both.error());
        OAuthRefusal differ = assertThrows(OAuthRefusal.class,
                () -> ClientCredentials.from(Map.of("client_id", "other"), basic("id", "secret")));
        assertEquals("invalid_request", differ.error());
    }

    @Test
    void missingOrMalformedCredentialsAreInvalidClientChallengedOnlyAfterBasic() {
        OAuthRefusal noSecret = assertThrows(OAuthRefusal.class, () -> ClientCredentials.from(Map.of("client_id", "id"), null));
        assertEquals("invalid_client", noSecret.error());
        assertFalse(noSecret.basicUsed());
        OAuthRefusal malformed = assertThrows(OAuthRefusal.class, () -> ClientCredentials.from(Map.of(), basic("id", "%zz")));
        assertEquals("invalid_client", malformed.error());
        assertTrue(malformed.basicUsed());
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertFalse(new ClientCredentials("id", "hunter2", false).toString().contains("hunter2"));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
