package io.progimage.images.boundary;

import org.eclipse.microprofile.metrics.annotation.Timed;
import io.progimage.images.entity.Bulk;
import io.progimage.images.entity.Image;
import io.progimage.oauth.boundary.Applications;
import io.progimage.webhooks.boundary.CallbackRefused;
import io.progimage.webhooks.boundary.Callbacks;
import io.progimage.storage.boundary.Storage;
import io.progimage.storage.boundary.Storage.StoredFile;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk uploads (API.md §5.4 form 2, DESIGN.md §1): in one transaction, a {@code pending} row per
 * item, each uploaded file stored as the item's original, and one JMS message per item. The
 * sends are part of the transaction (XA connection factory): the rows, the files and the
 * messages commit together or not at all ({@link WorkQueue}). {@link BulkItems} then processes each message.
 * The items belong to a {@link Bulk} row, which remembers the application whose token sent it, the
 * base URLs of the answer and the {@code callback_url} to call when every item has settled (issue 14 §4).
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

    @Inject
    Callbacks callbacks;

    @Inject
    @ConfigProperty(name = "progimage.webhook.max-open-per-user", defaultValue = "20")
    int maxOpenPerUser;

    @Inject
    Applications applications;

    @Inject
    Clock clock;

    /**
     * What the bulk is besides its items: the application whose token sent it, the callback URL
     * (null: none) and the base URLs of the answer, which the webhook's image links use too.
     */
    public record Options(String clientId, String callbackUrl, String publicUrl, String publicSecureUrl) {
    }

    /** The bulk and its items in request order. */
    public record Queued(Bulk bulk, List<Image> images) {
    }

    /**
     * Items must be valid already; an {@code image_id} is checked here, before anything is stored,
     * and so is a callback URL: where its host resolves now (the address rules of API.md §7), and
     * that the application has a webhook secret to sign with ({@link CallbackRefused}, a 422).
     */
    @Timed(name = "bulk_queue", absolute = true, description = "storing and queueing a bulk upload")
    public Queued queue(String userId, List<ImageRequest> requests, Options options) {
        if (options.callbackUrl() != null) {
            callbacks.check(options.callbackUrl()); // first: its lookup waits with no database connection taken
            if (!applications.canSignWebhooks(options.clientId())) {
                throw new CallbackRefused("cannot be signed: this application has no webhook secret yet (its owner creates"
                        + " one with POST /oauth/applications/{client_id}/webhook-secret)");
            }
            requireRoomForCallback(userId);
        }
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
        Bulk bulk = new Bulk(userId, options.clientId(), requests.size(), options.callbackUrl(), options.publicUrl(),
                options.publicSecureUrl(), clock.instant());
        em.persist(bulk);
        em.flush(); // the bulk's row before its items', which refer to it
        List<Image> images = new ArrayList<>(requests.size());
        for (ImageRequest request : requests) {
            Image image = uploads.newImage(userId, request);
            image.joinBulk(bulk.id(), images.size());
            if (request.kind() == Image.SourceKind.FILE) {
                storage.writeAll(image.id(), new StoredFile(Processor.ORIGINAL, request.file()));
            }
            em.persist(image);
            images.add(image);
        }
        em.flush(); // rows first: a message must never name a row that failed to insert
        workQueue.send(images.stream().map(Image::id).toList());
        return new Queued(bulk, images);
    }

    /**
     * Refuses one more bulk with a {@code callback_url} while the user has {@code
     * progimage.webhook.max-open-per-user} of them not yet delivered or given up (items pending, or
     * the delivery scheduled or in flight): every attempt can hold one of a node's two delivery
     * sessions for its 10 s, so one user's unreachable receivers must not crowd out the others'
     * webhooks for the hour their retries last. Counted, not locked: two requests at the same
     * moment may both pass at the bound, which keeps it a bound within one.
     */
    private void requireRoomForCallback(String userId) {
        Number open = (Number) em.createNativeQuery("SELECT COUNT(*) FROM bulks b"
                        + " LEFT JOIN webhook_deliveries d ON d.bulk_id = b.id WHERE b.user_id = ? AND b.callback_url IS NOT NULL"
                        + " AND (b.settled_at IS NULL OR d.status IN ('SCHEDULED', 'SENDING'))")
                .setParameter(1, userId).getSingleResult();
        if (open.longValue() >= maxOpenPerUser) {
            throw new CallbackRefused("cannot be taken now: " + open + " of your bulks with a callback_url are still"
                    + " pending or being delivered (at most " + maxOpenPerUser + "); send this one without it, or later");
        }
    }
}
