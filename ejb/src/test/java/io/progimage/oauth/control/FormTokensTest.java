package io.progimage.oauth.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormTokensTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final FormTokens tokens = new FormTokens("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private final List<String> request = Arrays.asList("client", "https://a.example/cb", "code", "state", null, null);

    @Test
    void aTokenVerifiesForTheSameRequestWithinItsLifetime() {
        String token = tokens.issue(request, T0);
        assertTrue(tokens.verify(token, request, T0));
        assertTrue(tokens.verify(token, request, T0.plus(FormTokens.LIFETIME).minusSeconds(1)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(request, T0);
        assertFalse(tokens.verify(token, request, T0.plus(FormTokens.LIFETIME)));
    }

    @Test
    void absurdTimestampsAreAPlainRefusal() {
        String mac = tokens.issue(request, T0).split("\\.", 2)[1];
        for (String issuedAt : new String[]{"9223372036854775807", "-9223372036854775808", "-1", "31556889864403199"}) {
            assertFalse(tokens.verify(issuedAt + "." + mac, request, T0), issuedAt);
        }
        assertFalse(tokens.verify("9223372036854775807.x", request, T0));
    }

    @Test
    void anyAlteredFieldIsRefused() {
        String token = tokens.issue(request, T0);
        assertFalse(tokens.verify(token, Arrays.asList("client", "https://a.example/cb", "code", "other", null, null), T0));
        assertFalse(tokens.verify(token, Arrays.asList("client", "https://a.example/cb", "code", "state", "challenge", "S256"), T0));
        // moving characters between neighbouring fields is a different request too
        assertFalse(tokens.verify(token, Arrays.asList("clien", "thttps://a.example/cb", "code", "state", null, null), T0));
    }

    @Test
    void aTokenOfAnotherKeyOrGarbageIsRefused() {
        FormTokens other = new FormTokens("ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        assertFalse(tokens.verify(other.issue(request, T0), request, T0));
        assertFalse(tokens.verify("garbage", request, T0));
        assertFalse(tokens.verify(null, request, T0));
        assertFalse(tokens.verify("99999999999999999999.abc", request, T0));
    }
}
