package io.progimage.images.boundary;

import org.eclipse.microprofile.metrics.annotation.Timed;
import io.progimage.images.entity.Image;
import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.SourceMemory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Processes one bulk item. Every method runs in a transaction of its own, never in the message's:
 * the message's transaction holds no row lock, so whichever of them runs next (the give-up
 * after a failed last attempt, the reconciler) never waits for a lock held by a suspended
 * transaction of the same delivery. A permanent failure (undecodable image, refused or
 * unreachable URL, over the pixel limit) marks the item {@code failed} and commits; anything
 * else rolls the attempt back (its files too) and propagates, so that {@link BulkItems} decides
 * between redelivery and giving up. The row lock and the pending check make processing
 * idempotent: a redelivered or duplicated message (the reconciler's re-queue, say) for an item
 * that is no longer pending does nothing, so an item never gets two sets of files.
 */
@Stateless
public class BulkProcessing {

    private static final Logger LOG = Logger.getLogger(BulkProcessing.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Processor processor;

    @Inject
    Clock clock;

    @Inject
    SourceMemory sourceMemory;

    /**
     * One attempt. Its own transaction: when it fails, its row lock is released (rolled back)
     * before the exception reaches the MDB, and the MDB's transaction only acknowledges the message.
     */
    @Timed(name = "bulk_item", absolute = true, description = "one bulk item: fetch, process, store")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void process(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || !image.isPending()) {
            return;
        }
        try (SourceMemory.Reservation held = sourceMemory.open()) {
            processor.discardPartialFiles(image);
            byte[] source = switch (image.sourceKind()) {
                case FILE -> processor.original(image, held);
                case REMOTE -> processor.fetch(image.remoteUrl(), held);
                case IMAGE -> processor.original(source(image), held);
            };
            processor.process(image, source, image.sourceKind() != Image.SourceKind.FILE);
        } catch (DomainException refused) {
            if (refused.kind() != DomainException.Kind.INVALID) {
                throw refused; // busy or unavailable: transient, the broker redelivers
            }
            image.markFailed("invalid_request", refused.getMessage(), clock.instant());
        }
    }

    /**
     * The item's {@code image_id} source, share-locked so that a DELETE of it waits until this
     * attempt has read its original. Gone (deleted after the item was queued, which the 409 of
     * {@link Images#delete} narrows to a race with the queueing): the item fails as invalid.
     */
    private Image source(Image item) {
        Image source = em.find(Image.class, item.sourceImageId(), LockModeType.PESSIMISTIC_READ);
        if (source == null) {
            throw new SourceRefused(Image.SourceKind.IMAGE, "has been deleted");
        }
        return source;
    }

    /**
     * Counts an attempt in a transaction of its own, so the count survives the rollback of a
     * failed attempt; returns it, or 0 when the item is no longer pending (nothing to do).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int startAttempt(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        return image == null || !image.isPending() ? 0 : image.startAttempt();
    }

    /**
     * The last attempt failed too: the item ends failed rather than pending for ever. Runs after
     * that attempt's transaction has ended, so the row is free.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void giveUp(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        if (image != null && image.isPending()) {
            LOG.warning(() -> "bulk item " + imageId + " failed on every delivery; marking it failed");
            image.markFailed("internal_error", "the image could not be processed; try uploading it again", clock.instant());
        }
    }
}
