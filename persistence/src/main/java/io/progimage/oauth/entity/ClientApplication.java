package io.progimage.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * An API application registered by a user; its secret is kept only as a SHA-256 digest
 * ({@code sha256:<hex>}), or, for applications registered before that, as a PBKDF2 hash until
 * its next successful use. Its webhook signing secret (issue 14 §4) is kept sealed (encrypted
 * under a server key): the server must be able to compute signatures with it, so it cannot be a digest.
 */
@Entity
@Table(name = "oauth_applications")
public class ClientApplication {

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "client_secret_hash", nullable = false)
    private String clientSecretHash;

    @Column(nullable = false)
    private String name;

    @Column(name = "redirect_url", nullable = false)
    private String redirectUrl;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The sealed webhook signing secret; null for an application registered before webhooks, until its owner creates one. */
    @Column(name = "webhook_secret")
    private String sealedWebhookSecret;

    protected ClientApplication() {
    }

    public ClientApplication(String clientId, String clientSecretHash, String name, String redirectUrl, String userId, Instant createdAt) {
        this.clientId = Objects.requireNonNull(clientId);
        this.clientSecretHash = Objects.requireNonNull(clientSecretHash);
        this.name = Objects.requireNonNull(name);
        this.redirectUrl = Objects.requireNonNull(redirectUrl);
        this.userId = Objects.requireNonNull(userId);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** RFC 6749 §3.1.2.3: the redirect URL must be exactly the registered one. */
    public boolean redirectsTo(String url) {
        return redirectUrl.equals(url);
    }

    /** Replaces a legacy hash of the secret by its new stored form, once the secret was verified. */
    public void migrateSecretHash(String clientSecretHash) {
        this.clientSecretHash = Objects.requireNonNull(clientSecretHash);
    }

    /** A new webhook signing secret, sealed; the one before it signs nothing from now on. */
    public void replaceWebhookSecret(String sealedWebhookSecret) {
        this.sealedWebhookSecret = Objects.requireNonNull(sealedWebhookSecret);
    }

    /** Null when the application has no webhook signing secret yet. */
    public String sealedWebhookSecret() {
        return sealedWebhookSecret;
    }

    /** Whether {@code userId} registered the application (and so may replace its webhook secret). */
    public boolean isOwnedBy(String userId) {
        return this.userId.equals(userId);
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecretHash() {
        return clientSecretHash;
    }

    public String name() {
        return name;
    }

    public String redirectUrl() {
        return redirectUrl;
    }

    public String userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
