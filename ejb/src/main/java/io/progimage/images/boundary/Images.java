package io.progimage.images.boundary;

import io.progimage.images.entity.Image;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Reading a user's images (API.md §5.2, §5.3, §5.5); another user's image does not exist. */
@Stateless
public class Images {

    public record Page(List<Image> images, long total) {
    }

    @PersistenceContext
    EntityManager em;

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

    /** A ready image whose public file name is {@code name}, for the unauthenticated file endpoint. */
    public Optional<Image> readyWithFile(String id, String name) {
        return Optional.ofNullable(id == null || id.length() != 36 ? null : em.find(Image.class, id))
                .filter(Image::isReady)
                .filter(image -> name.equals(image.fileName()) || name.equals(image.thumbFileName()) || name.equals(image.miniFileName()));
    }
}
