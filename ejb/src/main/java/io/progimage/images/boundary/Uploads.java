package io.progimage.images.boundary;

import org.eclipse.microprofile.metrics.annotation.Timed;
import io.progimage.images.entity.Image;
import io.progimage.oauth.control.Secrets;
import io.progimage.platform.boundary.DomainException;
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
    public Image upload(String userId, ImageRequest request, String field) {
        try (SourceMemory.Reservation held = sourceMemory.open()) {
            byte[] source = switch (request.kind()) {
                case FILE -> request.file(); // counted by the web layer as the body was read
                case REMOTE -> processor.fetch(request.remoteUrl(), field + ".remote_file_url", held);
                case IMAGE -> processor.original(ownReadyImage(userId, request.imageId(), field + ".image_id"), held);
            };
            Image image = newImage(userId, request);
            processor.process(image, source, true, field + "." + sourceField(request));
            em.persist(image);
            return image;
        }
    }

    public Image newImage(String userId, ImageRequest request) {
        return new Image(userId, Secrets.randomAlphanumeric(22), request.kind(), request.remoteUrl(), request.imageId(),
                request.processing(), clock.instant());
    }

    /** {@code image_id} must name one of the caller's own ready images; anything else is the same 422. */
    public Image ownReadyImage(String userId, String imageId, String field) {
        Image image = em.find(Image.class, imageId);
        if (image == null || !image.userId().equals(userId) || !image.isReady()) {
            throw DomainException.invalid(field, "must be the id of one of your ready images");
        }
        return image;
    }

    static String sourceField(ImageRequest request) {
        return sourceField(request.kind());
    }

    static String sourceField(Image image) {
        return sourceField(image.sourceKind());
    }

    private static String sourceField(Image.SourceKind kind) {
        return switch (kind) {
            case FILE -> "file";
            case REMOTE -> "remote_file_url";
            case IMAGE -> "image_id";
        };
    }
}
