package io.progimage.ratelimit.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The algorithm with the clock in the test's hand: every "now" is given. */
class SlidingWindowTest {

    private static final long T0 = 1_700_000_000_000L;
    private final SlidingWindow window = new SlidingWindow(20, 5000);

    /** Sends {@code count} requests at {@code now} into {@code log}; returns the log after them. */
    private long[] send(long[] log, int count, long now) {
        for (int i = 0; i < count; i++) {
            SlidingWindow.Step step = window.next(log, now);
            assertTrue(step.decision().accepted(), "request " + (i + 1) + " at " + now);
            log = step.log();
        }
        return log;
    }

    @Test
    void theTwentiethIsAcceptedAndTheTwentyFirstRefused() {
        long[] log = send(null, 19, T0);
        SlidingWindow.Step twentieth = window.next(log, T0);
        assertTrue(twentieth.decision().accepted());
        assertEquals(0, twentieth.decision().remaining());
        SlidingWindow.Step twentyFirst = window.next(twentieth.log(), T0);
        assertFalse(twentyFirst.decision().accepted());
        assertEquals(0, twentyFirst.decision().remaining());
        assertEquals(5, twentyFirst.decision().retryAfterSeconds());
        assertEquals((T0 + 5000) / 1000, twentyFirst.decision().resetEpochSeconds());
    }

    @Test
    void remainingCountsDown() {
        SlidingWindow.Step first = window.next(null, T0);
        assertEquals(19, first.decision().remaining());
        assertEquals(0, first.decision().resetSeconds());
        assertEquals(18, window.next(first.log(), T0 + 1).decision().remaining());
    }

    @Test
    void aRequestExactlyAtTheWindowsEndFindsTheSlotFree() {
        long[] log = send(null, 20, T0);
        assertFalse(window.next(log, T0 + 4999).decision().accepted());
        assertTrue(window.next(log, T0 + 5000).decision().accepted());
    }

    @Test
    void slotsFreeOneByOne() {
        long[] log = null;
        for (int i = 0; i < 20; i++) {
            log = send(log, 1, T0 + i * 100L); // one request every 100 ms
        }
        // at T0+5000 the first leaves the window: exactly one slot
        SlidingWindow.Step one = window.next(log, T0 + 5000);
        assertTrue(one.decision().accepted());
        assertFalse(window.next(one.log(), T0 + 5000).decision().accepted());
        // 100 ms later the second one leaves
        SlidingWindow.Step two = window.next(one.log(), T0 + 5100);
        assertTrue(two.decision().accepted());
        assertFalse(window.next(two.log(), T0 + 5100).decision().accepted());
    }

    @Test
    void slidingNotFixed_twentyAtZeroAndOneAtThreeSecondsIsRefused() {
        long[] log = send(null, 20, T0);
        SlidingWindow.Step atThree = window.next(log, T0 + 3000);
        assertFalse(atThree.decision().accepted());
        assertEquals(2, atThree.decision().retryAfterSeconds());
    }

    @Test
    void aRefusalDoesNotExtendTheWindow() {
        long[] log = send(null, 20, T0);
        SlidingWindow.Step refused = window.next(log, T0 + 4000);
        assertFalse(refused.decision().accepted());
        assertEquals(20, refused.log().length);
        assertTrue(window.next(refused.log(), T0 + 5000).decision().accepted());
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        long[] log = send(null, 20, T0);
        assertEquals(1, window.next(log, T0 + 4999).decision().retryAfterSeconds());
    }
}
