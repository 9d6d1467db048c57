package io.progimage.ratelimit.api;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    @Test
    void forwardedForCountsOnlyFromATrustedProxy() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "1.2.3.4", Set.of("127.0.0.1")));
        assertEquals("1.2.3.4", ClientAddress.of("127.0.0.1", "1.2.3.4", Set.of("127.0.0.1")));
        assertEquals("1.2.3.4", ClientAddress.of("::ffff:127.0.0.1", "1.2.3.4", Set.of("127.0.0.1")));
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        // the client wrote "6.6.6.6" itself; the proxy chain appended the real one
        assertEquals("1.2.3.4", ClientAddress.of("127.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2", Set.of("127.0.0.1", "10.0.0.2")));
        assertEquals("127.0.0.1", ClientAddress.of("127.0.0.1", " , ", Set.of("127.0.0.1")));
    }
}
