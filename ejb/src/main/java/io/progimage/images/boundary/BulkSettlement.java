package io.progimage.images.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a bulk's settle check ({@link Bulks#settleIfDone}) after one of its items settled (ready,
 * failed, deleted), once that item's transaction has committed: wherever an item settles, the
 * caller calls this next. A check that fails is logged and left to the bulk reconciler, which
 * settles bulks whose check was lost; it never fails the item's own work.
 */
@ApplicationScoped
public class BulkSettlement {

    private static final Logger LOG = Logger.getLogger(BulkSettlement.class.getName());

    @Inject
    Bulks bulks;

    /** After image {@code imageId} settled (or was found settled: its check may have been lost with a node). */
    public void afterItem(String imageId) {
        try {
            bulks.bulkOf(imageId).ifPresent(bulks::settleIfDone);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the settle check after bulk item " + imageId + " failed; the reconciler settles its bulk", e);
        }
    }

    /** After an item of bulk {@code bulkId} settled, or was deleted. */
    public void afterBulk(String bulkId) {
        try {
            bulks.settleIfDone(bulkId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the settle check of bulk " + bulkId + " failed; the reconciler settles it", e);
        }
    }
}
