package io.progimage.platform.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BodyMemoryTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aBodyReservesFourTimesEachStartedMebibyteRead() {
        assertEquals(4 * MIB, BodyMemory.reservationFor(1, -1));
        assertEquals(4 * MIB, BodyMemory.reservationFor(MIB - 1, -1));
        assertEquals(8 * MIB, BodyMemory.reservationFor(MIB, -1));
        assertEquals(100 * MIB, BodyMemory.reservationFor(25 * MIB - 1, 25 * MIB));
    }

    @Test
    void aSmallDeclaredBodyReservesLittle() {
        assertEquals(8, BodyMemory.reservationFor(2, 2));
        assertEquals(4 * 1500 * 1024, BodyMemory.reservationFor(MIB + 1, 1500 * 1024));
    }
}
