package io.progimage.images.control;

import io.progimage.images.entity.Image;

import java.util.Collection;

/**
 * Where a bulk's items stand: of the {@code total} it had, how many are pending, ready and
 * failed; the rest were deleted. A bulk is settled when none is pending, whatever the rest did
 * (a bulk whose items were all deleted is settled too: there is nothing left to wait for).
 */
public record BulkCounts(int total, int pending, int ready, int failed) {

    public BulkCounts {
        if (total < 1 || pending < 0 || ready < 0 || failed < 0 || (long) pending + ready + failed > total) {
            throw new IllegalArgumentException("counts " + pending + "/" + ready + "/" + failed + " of " + total);
        }
    }

    /** The counts of a bulk of {@code total} items whose remaining items have these statuses. */
    public static BulkCounts of(int total, Collection<Image.Status> statuses) {
        int pending = 0;
        int ready = 0;
        int failed = 0;
        for (Image.Status status : statuses) {
            switch (status) {
                case PENDING -> pending++;
                case READY -> ready++;
                case FAILED -> failed++;
            }
        }
        return new BulkCounts(total, pending, ready, failed);
    }

    public int deleted() {
        return total - pending - ready - failed;
    }

    public boolean settled() {
        return pending == 0;
    }
}
