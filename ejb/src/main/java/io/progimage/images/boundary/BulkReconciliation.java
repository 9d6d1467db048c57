package io.progimage.images.boundary;

import io.progimage.images.control.PendingBound;
import io.progimage.images.entity.Image;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One scan of the bulk reconciler, in one transaction: settles the pending items that
 * {@link PendingBound} says must not wait any longer, by re-queuing them (the new message is
 * sent with the row's commit, as a bulk's are) or failing them. Runs on one node at a time: the
 * transaction first takes the {@code bulk-reconciler} row of {@code cluster_locks}, and a node
 * that finds it taken skips its turn.
 */
@Stateless
public class BulkReconciliation {

    static final String LOCK = "bulk-reconciler";

    /** Items settled per scan at most, so a scan stays short; the rest wait for the next one. */
    static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    @Inject
    Clock clock;

    /**
     * What a scan did; {@code ran} is false when another node held the lock. {@code bulks}: the
     * bulks of the items it failed, whose settle check comes after the scan's commit.
     */
    public record Outcome(boolean ran, int candidates, int requeued, int failed, Set<String> bulks) {
    }

    public Outcome reconcile(PendingBound rule) {
        if (em.createNativeQuery("SELECT name FROM cluster_locks WHERE name = ? FOR UPDATE SKIP LOCKED")
                .setParameter(1, LOCK).getResultList().isEmpty()) {
            return new Outcome(false, 0, 0, 0, Set.of());
        }
        Instant now = clock.instant();
        // exactly the items the rule settles now (so that items it leaves waiting never crowd a
        // batch); a plain read, because a locking range scan would take gap locks and hold up new bulks
        @SuppressWarnings("unchecked")
        List<Object> candidates = em.createNativeQuery("SELECT id FROM images WHERE status = 'PENDING' AND created_at <= ?"
                        + " AND (COALESCE(requeued_at, created_at) <= ? OR created_at <= ?) ORDER BY created_at LIMIT " + BATCH)
                .setParameter(1, utc(rule.requeueQueuedUpTo(now)))
                .setParameter(2, utc(rule.requeueQueuedUpTo(now)))
                .setParameter(3, utc(rule.failCreatedUpTo(now)))
                .getResultList();
        List<String> requeued = new ArrayList<>();
        Set<String> bulks = new LinkedHashSet<>();
        int failed = 0;
        for (Object candidate : candidates) {
            String id = candidate.toString();
            // by primary key (a record lock, no gap); an item an MDB is processing right now is
            // locked and skipped: its attempt settles it, or the next scan looks again
            if (em.createNativeQuery("SELECT id FROM images WHERE id = ? AND status = 'PENDING' FOR UPDATE SKIP LOCKED")
                    .setParameter(1, id).getResultList().isEmpty()) {
                continue;
            }
            // a locking read again (the lock is ours already): it sees the latest row, not this transaction's snapshot
            Image image = em.find(Image.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (image == null || !image.isPending()) {
                continue;
            }
            switch (rule.verdict(now, image.createdAt(), image.lastQueuedAt(), image.attempts(), BulkItems.MAX_ATTEMPTS)) {
                case REQUEUE -> {
                    image.markRequeued(now);
                    requeued.add(id);
                }
                case FAIL -> {
                    image.markFailed("internal_error", "the image could not be processed in time; try uploading it again", now);
                    failed++;
                    if (image.bulkId() != null) {
                        bulks.add(image.bulkId());
                    }
                }
                case WAIT -> {
                }
            }
        }
        if (!requeued.isEmpty()) {
            em.flush(); // rows first, as in a bulk: a message never names a change that failed to write
            workQueue.send(requeued);
        }
        return new Outcome(true, candidates.size(), requeued.size(), failed, bulks);
    }

    /** As the entities' converter stores instants: UTC wall time in DATETIME(3). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
