package io.progimage.images.boundary;

import io.progimage.images.entity.Image;
import io.progimage.platform.boundary.DomainException;
import io.progimage.storage.boundary.Storage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * Reading and deleting a user's images (API.md §5.2, §5.3, §5.5; DELETE is issue 14's
 * addition); another user's image does not exist.
 */
@Stateless
public class Images {

    public record Page(List<Image> images, long total) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Storage storage;

    public Page list(String userId, int offset, int limit) {
        List<Image> images = em.createNamedQuery(Image.OF_USER, Image.class)
                .setParameter("userId", userId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        long total = em.createNamedQuery(Image.COUNT_OF_USER, Long.class).setParameter("userId", userId).getSingleResult();
        return new Page(images, total);
    }

    public Optional<Image> find(String userId, String id) {
        return Optional.ofNullable(id == null || id.length() != 36 ? null : em.find(Image.class, id))
                .filter(image -> image.userId().equals(userId));
    }

    /**
     * Deletes the image: its row now, its files (the three outputs and the kept original) when
     * the transaction commits. The row lock waits for a bulk attempt that is processing it, so
     * that attempt's files are there to be removed; a pending item's message, delivered later,
     * finds no row and is consumed without work. Refused (409) while pending items still have to
     * read this image's original as their {@code image_id} source. Returns the image's bulk, if it
     * was a bulk item: the caller runs that bulk's settle check once this has committed
     * ({@link BulkSettlement#afterBulk}), since deleting its last pending item settles it.
     */
    public Optional<String> delete(String userId, String id) {
        Image image = id == null || id.length() != 36 ? null : em.find(Image.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (image == null || !image.userId().equals(userId)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "no such image");
        }
        long readers = em.createNamedQuery(Image.PENDING_FROM_SOURCE, Long.class).setParameter("id", id).getSingleResult();
        if (readers > 0) {
            throw new DomainException(DomainException.Kind.CONFLICT, "the image is the image_id source of " + readers
                    + " pending bulk item(s); delete it once they are ready or failed");
        }
        em.remove(image);
        storage.removeAllOnCommit(id);
        return Optional.ofNullable(image.bulkId());
    }

    /** A ready image that has a file named {@code name} ({@link Image#representations}), for the unauthenticated file endpoint. */
    public Optional<Image> readyWithFile(String id, String name) {
        return Optional.ofNullable(id == null || id.length() != 36 ? null : em.find(Image.class, id))
                .filter(Image::isReady)
                .filter(image -> !image.representations(name).isEmpty());
    }
}
