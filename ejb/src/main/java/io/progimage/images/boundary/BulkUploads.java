package io.progimage.images.boundary;

import org.eclipse.microprofile.metrics.annotation.Timed;
import io.progimage.images.entity.Image;
import io.progimage.storage.boundary.Storage;
import io.progimage.storage.boundary.Storage.StoredFile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Bulk uploads (API.md §5.4 form 2, DESIGN.md §1): in one transaction, a {@code pending} row per
 * item, each uploaded file stored as the item's original, and one JMS message per item. The
 * sends are part of the transaction (XA connection factory): the rows, the files and the
 * messages commit together or not at all ({@link WorkQueue}). {@link BulkItems} then processes each message.
 */
@Stateless
public class BulkUploads {

    @PersistenceContext
    EntityManager em;

    @Inject
    Uploads uploads;

    @Inject
    Storage storage;

    @Inject
    WorkQueue workQueue;

    /** Items must be valid already; an {@code image_id} is checked here, before anything is stored. */
    @Timed(name = "bulk_queue", absolute = true, description = "storing and queueing a bulk upload")
    public List<Image> queue(String userId, List<ImageRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            ImageRequest request = requests.get(i);
            if (request.kind() == Image.SourceKind.IMAGE) {
                try {
                    uploads.ownReadyImage(userId, request.imageId());
                } catch (SourceRefused refused) {
                    throw refused.inItem(i);
                }
            }
        }
        List<Image> images = new ArrayList<>(requests.size());
        for (ImageRequest request : requests) {
            Image image = uploads.newImage(userId, request);
            if (request.kind() == Image.SourceKind.FILE) {
                storage.writeAll(image.id(), new StoredFile(Processor.ORIGINAL, request.file()));
            }
            em.persist(image);
            images.add(image);
        }
        em.flush(); // rows first: a message must never name a row that failed to insert
        workQueue.send(images.stream().map(Image::id).toList());
        return images;
    }
}
