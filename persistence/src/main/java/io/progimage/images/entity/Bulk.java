package io.progimage.images.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One bulk upload (API.md §5.4 form 2): its items are the {@link Image}s whose {@code bulkId} is
 * this id. It is settled once, when none of its items is pending any more (ready, failed or
 * deleted); then its {@code callback_url}, if it has one, is called (issue 14 §4). It keeps the
 * base URLs its 202 answer used, so that the webhook, sent without a request, links the same files.
 */
@Entity
@Table(name = "bulks")
@NamedQuery(name = Bulk.ITEMS, query = "SELECT i FROM Image i WHERE i.bulkId = :bulkId ORDER BY i.bulkPosition")
@NamedQuery(name = Bulk.PENDING_ITEMS, query = "SELECT COUNT(i) FROM Image i WHERE i.bulkId = :bulkId"
        + " AND i.status = io.progimage.images.entity.Image.Status.PENDING")
public class Bulk {

    /** The items of bulk {@code :bulkId} that still exist, in request order. */
    public static final String ITEMS = "Bulk.items";
    /** How many items of bulk {@code :bulkId} are pending. */
    public static final String PENDING_ITEMS = "Bulk.pendingItems";

    @Id
    private String id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    /** The application whose token sent the bulk: its webhook secret signs the delivery. */
    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "item_count", nullable = false)
    private int itemCount;

    @Column(name = "callback_url")
    private String callbackUrl;

    @Column(name = "public_url", nullable = false)
    private String publicUrl;

    @Column(name = "public_secure_url", nullable = false)
    private String publicSecureUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "settled_at")
    private Instant settledAt;

    protected Bulk() {
    }

    public Bulk(String userId, String clientId, int itemCount, String callbackUrl, String publicUrl, String publicSecureUrl,
                Instant now) {
        if (itemCount < 1) {
            throw new IllegalArgumentException("a bulk has at least one item");
        }
        this.id = UUID.randomUUID().toString();
        this.userId = Objects.requireNonNull(userId);
        this.clientId = Objects.requireNonNull(clientId);
        this.itemCount = itemCount;
        this.callbackUrl = callbackUrl;
        this.publicUrl = Objects.requireNonNull(publicUrl);
        this.publicSecureUrl = Objects.requireNonNull(publicSecureUrl);
        this.createdAt = Objects.requireNonNull(now);
    }

    /** Every item has left pending: happens once (the caller holds this row's lock). */
    public void settle(Instant now) {
        if (settledAt != null) {
            throw new IllegalStateException("bulk " + id + " is settled already");
        }
        this.settledAt = Objects.requireNonNull(now);
    }

    public boolean isSettled() {
        return settledAt != null;
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String clientId() {
        return clientId;
    }

    public int itemCount() {
        return itemCount;
    }

    /** Where to POST the webhook once settled; null: no webhook. */
    public String callbackUrl() {
        return callbackUrl;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public String publicSecureUrl() {
        return publicSecureUrl;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the last item left pending; null while any is pending. */
    public Instant settledAt() {
        return settledAt;
    }
}
