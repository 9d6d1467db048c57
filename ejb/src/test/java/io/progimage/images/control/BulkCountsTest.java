package io.progimage.images.control;

import io.progimage.images.entity.Image.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a bulk is settled: no item pending, whatever the others did, deleted ones included. */
class BulkCountsTest {

    @Test
    void oneItemPendingKeepsTheBulkOpen() {
        BulkCounts counts = BulkCounts.of(3, List.of(Status.READY, Status.PENDING, Status.FAILED));
        assertFalse(counts.settled());
        assertEquals(1, counts.pending());
    }

    @Test
    void readyAndFailedItemsSettleIt() {
        BulkCounts counts = BulkCounts.of(3, List.of(Status.READY, Status.FAILED, Status.READY));
        assertTrue(counts.settled());
        assertEquals(new BulkCounts(3, 0, 2, 1), counts);
        assertEquals(0, counts.deleted());
    }

    @Test
    void deletedItemsCountAsSettledAndAreCounted() {
        BulkCounts counts = BulkCounts.of(4, List.of(Status.READY));
        assertTrue(counts.settled());
        assertEquals(3, counts.deleted());
        assertTrue(BulkCounts.of(2, List.of()).settled(), "every item deleted: nothing left to wait for");
    }

    @Test
    void moreItemsThanTheBulkHadIsABug() {
        assertThrows(IllegalArgumentException.class, () -> BulkCounts.of(1, List.of(Status.READY, Status.READY)));
        assertThrows(IllegalArgumentException.class, () -> new BulkCounts(0, 0, 0, 0));
    }
}
