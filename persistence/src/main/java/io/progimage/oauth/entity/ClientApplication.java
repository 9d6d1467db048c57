package io.progimage.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** An API application registered by a user; its secret is kept only as a slow salted hash. */
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
