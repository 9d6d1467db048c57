package io.progimage.images.boundary;

import org.eclipse.microprofile.metrics.annotation.Timed;
import io.progimage.images.entity.Image;
import io.progimage.platform.boundary.DomainException;
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
 * Processes one bulk item, in the transaction of the message that carries it. A permanent
 * failure (undecodable image, refused or unreachable URL, over the pixel limit) marks the item
 * {@code failed} and commits; anything else propagates, rolls back, and the broker redelivers.
 * The row lock and the pending check make processing idempotent: a redelivered or duplicated
 * message for an item that is no longer pending does nothing, so an item never gets two sets of files.
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

    @Timed(name = "bulk_item", absolute = true, description = "one bulk item: fetch, process, store")
    public void process(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || !image.isPending()) {
            return;
        }
        try {
            processor.discardPartialFiles(image);
            byte[] source = switch (image.sourceKind()) {
                case FILE -> processor.original(image);
                case REMOTE -> processor.fetch(image.remoteUrl(), "remote_file_url");
                case IMAGE -> processor.original(em.find(Image.class, image.sourceImageId()));
            };
            processor.process(image, source, image.sourceKind() != Image.SourceKind.FILE, Uploads.sourceField(image));
        } catch (DomainException refused) {
            image.markFailed("invalid_request", refused.getMessage(), clock.instant());
        }
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

    /** The last attempt failed too: the item ends failed rather than pending for ever. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void giveUp(String imageId) {
        Image image = em.find(Image.class, imageId, LockModeType.PESSIMISTIC_WRITE);
        if (image != null && image.isPending()) {
            LOG.warning(() -> "bulk item " + imageId + " failed on every delivery; marking it failed");
            image.markFailed("internal_error", "the image could not be processed; try uploading it again", clock.instant());
        }
    }
}
