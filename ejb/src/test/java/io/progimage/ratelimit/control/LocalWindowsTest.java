package io.progimage.ratelimit.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalWindowsTest {

    @Test
    void limitsEachKeyLikeTheClusterWindow() {
        LocalWindows windows = new LocalWindows(3, 5_000, 100);
        for (int i = 0; i < 3; i++) {
            assertTrue(windows.check("user:a", 1_000 + i).accepted());
        }
        assertFalse(windows.check("user:a", 1_003).accepted());
        assertTrue(windows.check("user:b", 1_003).accepted());
        assertTrue(windows.check("user:a", 6_000).accepted(), "the oldest request left the window");
    }

    @Test
    void staysBoundedInKeys() {
        LocalWindows windows = new LocalWindows(3, 5_000, 10);
        for (int i = 0; i < 10; i++) {
            windows.check("ip:" + i, 0);
        }
        // ten keys, all idle by now: they are dropped before the eleventh is kept
        windows.check("ip:new", 10_000);
        assertEquals(1, windows.size());
        for (int i = 0; i < 25; i++) {
            windows.check("ip:busy-" + i, 20_000);
        }
        assertTrue(windows.size() <= 10, "size " + windows.size());
    }
}
