package io.progimage.webhooks.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignaturesTest {

    private static final String SECRET = "whsec_5rcq2LpqGcejQVTDEeGLDflXPlO05KYpuBULuWWW";
    private static final byte[] BODY = "{\"type\":\"bulk.settled\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsTheTimeAndTheHmacOfTimeDotBodyKeyedWithTheSecretAsShown() {
        // the vector from outside the JDK: printf '%s' '1700000000.{"type":"bulk.settled"}' | openssl dgst -sha256 -hmac "$SECRET"
        assertEquals("t=1700000000,v1=d2f3bd6de3d3c1a05ad6c19267751461ab920fc909a52992fafb2d057ad8b35b",
                Signatures.header(SECRET, 1700000000L, BODY));
    }

    @Test
    void aReceiverAcceptsTheSignatureWithinFiveMinutesOfItsTime() {
        String header = Signatures.header(SECRET, 1700000000L, BODY);
        assertTrue(Signatures.verify(header, SECRET, BODY, 1700000000L));
        assertTrue(Signatures.verify(header, SECRET, BODY, 1700000000L + 300));
        assertTrue(Signatures.verify(header, SECRET, BODY, 1700000000L - 300));
        assertFalse(Signatures.verify(header, SECRET, BODY, 1700000000L + 301), "a replay after the window");
        assertFalse(Signatures.verify(header, SECRET, BODY, 1700000000L - 301), "a time far ahead of the receiver's clock");
    }

    @Test
    void anotherBodySecretOrTimeDoesNotVerify() {
        String header = Signatures.header(SECRET, 1700000000L, BODY);
        assertFalse(Signatures.verify(header, SECRET, "{\"type\":\"bulk.settled\" }".getBytes(StandardCharsets.UTF_8), 1700000000L));
        assertFalse(Signatures.verify(header, SECRET + "x", BODY, 1700000000L));
        assertFalse(Signatures.verify(header.replace("t=1700000000", "t=1700000001"), SECRET, BODY, 1700000000L));
        assertFalse(Signatures.verify("v1=" + header.substring(header.indexOf("v1=") + 3), SECRET, BODY, 1700000000L), "no time");
        assertFalse(Signatures.verify(null, SECRET, BODY, 1700000000L));
        assertFalse(Signatures.verify("garbage", SECRET, BODY, 1700000000L));
    }

    @Test
    void anyOfSeveralSignaturesMayMatch() {
        String header = Signatures.header(SECRET, 1700000000L, BODY);
        String other = "v1=" + "0".repeat(64);
        assertTrue(Signatures.verify("t=1700000000," + other + "," + header.substring(header.indexOf("v1=")), SECRET, BODY, 1700000000L));
    }
}
