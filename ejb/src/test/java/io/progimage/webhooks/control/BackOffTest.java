package io.progimage.webhooks.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackOffTest {

    private static final BackOff DEFAULTS = new BackOff(8, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));
    private static final Instant BEGAN = Instant.parse("2026-12-01T14:00:00Z");

    @Test
    void theDelaysDoubleFromTheFirstRetryUpToTheLongest() {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            delays.add(DEFAULTS.delayAfter(attempt));
        }
        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15)), delays);
        assertEquals(Duration.ofMinutes(15), DEFAULTS.delayAfter(Integer.MAX_VALUE), "no overflow however many");
    }

    @Test
    void withTheDefaultsEightAttemptsFitInTheHourAndThenItGivesUp() {
        Instant now = BEGAN; // attempts that fail at once: each next one is due after its delay
        int attempts = 1;
        for (Optional<Instant> next = DEFAULTS.nextAttempt(attempts, BEGAN, now); next.isPresent();
             next = DEFAULTS.nextAttempt(attempts, BEGAN, now)) {
            now = next.get();
            attempts++;
        }
        assertEquals(8, attempts);
        assertEquals(BEGAN.plus(Duration.ofSeconds(2730)), now, "the eighth attempt 45.5 min after the first");
    }

    @Test
    void noAttemptIsDueLaterThanTheTimeBound() {
        BackOff short_ = new BackOff(100, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofMinutes(25));
        assertEquals(Optional.of(BEGAN.plus(Duration.ofMinutes(10))), short_.nextAttempt(1, BEGAN, BEGAN));
        assertEquals(Optional.of(BEGAN.plus(Duration.ofMinutes(25))), short_.nextAttempt(1, BEGAN, BEGAN.plus(Duration.ofMinutes(15))),
                "due exactly at the bound");
        assertTrue(short_.nextAttempt(2, BEGAN, BEGAN.plus(Duration.ofMinutes(10))).isEmpty(), "20 min more would pass 25");
    }

    @Test
    void impossibleSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BackOff(0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new BackOff(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new BackOff(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new BackOff(3, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO));
    }
}
