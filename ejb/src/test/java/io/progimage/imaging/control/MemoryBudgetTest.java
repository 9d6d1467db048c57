package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void permitsPerStartedMegapixelAndReleasedOnce() throws Exception {
        MemoryBudget budget = new MemoryBudget(10);
        MemoryBudget.Permit a = budget.acquire(7_500_000);
        assertEquals(8, a.megapixels());
        assertEquals(2, budget.availableMegapixels());
        a.close();
        a.close();
        assertEquals(10, budget.availableMegapixels());
        try (MemoryBudget.Permit tiny = budget.acquire(10)) {
            assertEquals(1, tiny.megapixels());
        }
    }

    @Test
    void aJobThatFindsNoMemoryWithinTheWaitIsRefusedAsBusy() throws Exception {
        MemoryBudget budget = new MemoryBudget(10, java.time.Duration.ofMillis(50));
        try (MemoryBudget.Permit held = budget.acquire(8_000_000)) {
            ImageRejectedException busy = org.junit.jupiter.api.Assertions.assertThrows(ImageRejectedException.class,
                    () -> budget.acquire(8_000_000));
            assertEquals(ImageRejectedException.Reason.BUSY, busy.reason());
            assertEquals(2, budget.availableMegapixels(), "a refused job holds nothing");
        }
        try (MemoryBudget.Permit again = budget.acquire(8_000_000)) {
            assertEquals(8, again.megapixels());
        }
    }

    @Test
    void aJobLargerThanThePoolTakesThePool() throws Exception {
        MemoryBudget budget = new MemoryBudget(10);
        try (MemoryBudget.Permit all = budget.acquire(400_000_000)) {
            assertEquals(10, all.megapixels());
            assertEquals(0, budget.availableMegapixels());
        }
    }

    @Test
    void aSecondLargeJobQueuesUntilTheFirstIsDone() throws Exception {
        MemoryBudget budget = new MemoryBudget(10);
        MemoryBudget.Permit first = budget.acquire(8_000_000);
        AtomicBoolean acquired = new AtomicBoolean();
        Thread second = new Thread(() -> {
            try (MemoryBudget.Permit p = budget.acquire(8_000_000)) {
                acquired.set(true);
            } catch (ImageRejectedException e) {
                throw new AssertionError(e);
            }
        });
        second.start();
        while (budget.queued() == 0) {
            Thread.onSpinWait(); // parked on the semaphore
        }
        assertTrue(!acquired.get());
        first.close();
        second.join();
        assertTrue(acquired.get());
        assertEquals(10, budget.availableMegapixels());
    }

    @Test
    void defaultBudgetComesFromTheHeap() {
        long expected = (long) (Runtime.getRuntime().maxMemory() * MemoryBudget.HEAP_SHARE)
                / MemoryBudget.BYTES_PER_PIXEL / 1_000_000L;
        assertEquals(Math.max(1, expected), MemoryBudget.fromHeap(MemoryBudget.DEFAULT_WAIT).totalMegapixels());
    }
}
