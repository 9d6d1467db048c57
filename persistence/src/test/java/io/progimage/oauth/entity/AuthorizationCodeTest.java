package io.progimage.oauth.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code's own rules, with the clock given rather than waited for. */
class AuthorizationCodeTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static AuthorizationCode code() {
        return new AuthorizationCode("hash", "client", "user", "https://a.example/cb", null, null, T0);
    }

    @Test
    void expiresAfterTenMinutes() {
        AuthorizationCode code = code();
        assertFalse(code.isExpired(T0.plusSeconds(599)));
        assertTrue(code.isExpired(T0.plusSeconds(600)));
    }

    @Test
    void isUsedOnlyOnce() {
        AuthorizationCode code = code();
        assertFalse(code.isUsed());
        code.markUsed(T0);
        assertTrue(code.isUsed());
        assertThrows(IllegalStateException.class, () -> code.markUsed(T0));
    }

    @Test
    void aChallengeNeedsItsMethod() {
        assertThrows(IllegalArgumentException.class,
                () -> new AuthorizationCode("h", "c", "u", "https://a.example/", "challenge", null, T0));
    }

    @Test
    void aTokenLivesOneDayUnlessRevoked() {
        AccessToken token = new AccessToken("t", code(), T0);
        assertTrue(token.isValid(T0.plusSeconds(86399)));
        assertFalse(token.isValid(T0.plusSeconds(86400)));
    }
}
