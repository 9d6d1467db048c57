package io.progimage.oauth.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PkceTest {

    // RFC 7636 Appendix B
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256MatchesTheRfcTestVector() {
        assertEquals(CHALLENGE, Pkce.s256(VERIFIER));
        assertTrue(Pkce.verifies(VERIFIER, CHALLENGE, Pkce.S256));
        assertFalse(Pkce.verifies(VERIFIER.substring(1) + "x", CHALLENGE, Pkce.S256));
    }

    @Test
    void plainComparesTheVerifierItself() {
        assertTrue(Pkce.verifies(VERIFIER, VERIFIER, Pkce.PLAIN));
        assertFalse(Pkce.verifies(VERIFIER, CHALLENGE, Pkce.PLAIN));
    }

    @Test
    void verifiersOutsideTheRfcAlphabetOrLengthNeverVerify() {
        String tooShort = "a".repeat(42);
        assertFalse(Pkce.verifies(tooShort, tooShort, Pkce.PLAIN));
        String tooLong = "a".repeat(129);
        assertFalse(Pkce.verifies(tooLong, tooLong, Pkce.PLAIN));
        String badChar = "a".repeat(42) + "+";
        assertFalse(Pkce.verifies(badChar, badChar, Pkce.PLAIN));
        assertFalse(Pkce.verifies(null, CHALLENGE, Pkce.S256));
    }

    @Test
    void onlyS256AndPlainAreMethods() {
        assertTrue(Pkce.isValidMethod("S256"));
        assertTrue(Pkce.isValidMethod("plain"));
        assertFalse(Pkce.isValidMethod("s256"));
        assertFalse(Pkce.isValidMethod(null));
        assertTrue(Pkce.isValidChallenge(CHALLENGE));
        assertFalse(Pkce.isValidChallenge("short"));
    }
}
