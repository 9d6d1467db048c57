package io.progimage.images.boundary;

import org.eclipse.microprofile.metrics.annotation.Timed;
import io.progimage.images.entity.Image;
import io.progimage.oauth.control.Secrets;
import io.progimage.platform.boundary.SourceMemory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * Single uploads (API.md §5.4 forms 1 and 3): fetched, processed and stored inside the request,
 * in one transaction. A refusal rolls everything back: no row, no file.
 */
@Stateless
public class Uploads {

    @PersistenceContext
    EntityManager em;

    @Inject
    Processor processor;

    @Inject
    Clock clock;

    @Inject
    SourceMemory sourceMemory;

    @Timed(name = "single_upload", absolute = true, description = "a single upload: fetch, process, store")
    public Image upload(String userId, ImageRequest request) {
        try (SourceMemory.Reservation held = sourceMemory.open()) {
            byte[] source = switch (request.kind()) {
                case FILE -> request.file(); // counted by the web layer as the body was read
                case REMOTE -> processor.fetch(request.remoteUrl(), held);
                case IMAGE -> processor.original(ownReadyImage(userId, request.imageId()), held);
            };
            Image image = newImage(userId, request);
            processor.process(image, source, true);
            em.persist(image);
            return image;
        }
    }

    public Image newImage(String userId, ImageRequest request) {
        return new Image(userId, Secrets.randomAlphanumeric(22), request.kind(), request.remoteUrl(), request.imageId(),
                Processor.processing(request.options()), clock.instant());
    }

    /** {@code image_id} must name one of the caller's own ready images; anything else is the same 422. */
    public Image ownReadyImage(String userId, String imageId) {
        Image image = em.find(Image.class, imageId);
        if (image == null || !image.userId().equals(userId) || !image.isReady()) {
            throw new SourceRefused(Image.SourceKind.IMAGE, "must be the id of one of your ready images");
        }
        return image;
    }
}
