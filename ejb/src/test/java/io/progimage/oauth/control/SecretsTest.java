package io.progimage.oauth.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void randomAlphanumericHasTheLengthAndAlphabetAsked() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = Secrets.randomAlphanumeric(64);
            assertTrue(token.matches("[A-Za-z0-9]{64}"), token);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void sha256HexIsTheKnownDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256Hex("abc"));
    }

    @Test
    void constantTimeEqualsComparesWholeValues() {
        assertTrue(Secrets.constantTimeEquals("abc", "abc"));
        assertFalse(Secrets.constantTimeEquals("abc", "abd"));
        assertFalse(Secrets.constantTimeEquals("abc", "abcd"));
        assertFalse(Secrets.constantTimeEquals(null, "abc"));
    }
}
