package io.progimage.images.boundary;

import io.progimage.images.control.BulkCounts;
import io.progimage.images.control.BulkDocument;
import io.progimage.images.entity.Bulk;
import io.progimage.images.entity.Image;
import io.progimage.webhooks.boundary.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Bulk uploads as a whole (issue 14 §4): when the last of a bulk's items leaves pending, the
 * bulk is settled, once, and its webhook scheduled; and the owner can look at a bulk.
 */
@Stateless
public class Bulks {

    /** A bulk with its remaining items in request order and their counts. */
    public record Found(Bulk bulk, List<Image> items, BulkCounts counts) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Webhooks webhooks;

    @Inject
    Clock clock;

    /** The bulk an image is an item of (it never changes, so any transaction's read will do). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> bulkOf(String imageId) {
        return Optional.ofNullable(em.find(Image.class, imageId)).map(Image::bulkId);
    }

    /**
     * Settles the bulk if none of its items is pending, and schedules its webhook: true when this
     * call did it. A transaction of its own, run after the transaction that settled an item has
     * committed, so the item never waits for it. Exactly once, with items settling at once on
     * several nodes: the bulk's row lock is taken first (no read before it, so the count below
     * reads from a snapshot begun after the lock, which has every item settled by a transaction
     * that committed before this check waited for it); the last of those checks to get the lock
     * sees no pending item, the first that does settles the bulk, and the later ones find it settled.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean settleIfDone(String bulkId) {
        Bulk bulk = em.find(Bulk.class, bulkId, LockModeType.PESSIMISTIC_WRITE);
        if (bulk == null || bulk.isSettled()) {
            return false;
        }
        long pending = em.createNamedQuery(Bulk.PENDING_ITEMS, Long.class).setParameter("bulkId", bulkId).getSingleResult();
        if (pending > 0) {
            return false;
        }
        List<Image> items = items(bulkId);
        BulkCounts counts = BulkCounts.of(bulk.itemCount(), items.stream().map(Image::status).toList());
        bulk.settle(clock.instant());
        if (bulk.callbackUrl() != null) {
            webhooks.schedule(bulk.id(), bulk.clientId(), bulk.callbackUrl(), BulkDocument.of(bulk, items, counts));
        }
        return true;
    }

    /** The caller's bulk; another user's does not exist. */
    public Optional<Found> find(String userId, String bulkId) {
        return Optional.ofNullable(bulkId == null || bulkId.length() != 36 ? null : em.find(Bulk.class, bulkId))
                .filter(bulk -> bulk.userId().equals(userId))
                .map(bulk -> {
                    List<Image> items = items(bulk.id());
                    return new Found(bulk, items, BulkCounts.of(bulk.itemCount(), items.stream().map(Image::status).toList()));
                });
    }

    /**
     * Bulks with no pending item that are still not settled, and whose items have not changed
     * since {@code quietSince}: their settle check was lost (a node stopped between an item's
     * commit and its check). Recent changes are left alone: their own checks are running.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<String> overlooked(Instant quietSince, int limit) {
        LocalDateTime quiet = LocalDateTime.ofInstant(quietSince, ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT b.id FROM bulks b WHERE b.settled_at IS NULL AND b.created_at <= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM images i WHERE i.bulk_id = b.id AND (i.status = 'PENDING' OR i.updated_at > ?))"
                        + " ORDER BY b.created_at LIMIT " + limit)
                .setParameter(1, quiet)
                .setParameter(2, quiet)
                .getResultList();
        return ids.stream().map(Object::toString).toList();
    }

    private List<Image> items(String bulkId) {
        return em.createNamedQuery(Bulk.ITEMS, Image.class).setParameter("bulkId", bulkId).getResultList();
    }
}
