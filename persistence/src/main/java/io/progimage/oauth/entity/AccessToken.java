package io.progimage.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A bearer token (API.md §3.3, §3.5), valid until it expires or is revoked. */
@Entity
@Table(name = "oauth_tokens")
@NamedQuery(name = AccessToken.REVOKE_BY_CODE,
        query = "UPDATE AccessToken t SET t.revokedAt = :now WHERE t.codeHash = :codeHash AND t.revokedAt IS NULL")
// the client is part of the condition: a client that presents another client's token revokes nothing (RFC 7009 §2.1)
@NamedQuery(name = AccessToken.REVOKE_OF_CLIENT,
        query = "UPDATE AccessToken t SET t.revokedAt = :now WHERE t.tokenHash = :tokenHash AND t.clientId = :clientId AND t.revokedAt IS NULL")
public class AccessToken {

    public static final String REVOKE_BY_CODE = "AccessToken.revokeByCode";
    public static final String REVOKE_OF_CLIENT = "AccessToken.revokeOfClient";
    public static final Duration LIFETIME = Duration.ofSeconds(86400);

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccessToken() {
    }

    public AccessToken(String tokenHash, AuthorizationCode code, Instant now) {
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.clientId = code.clientId();
        this.userId = code.userId();
        this.codeHash = code.codeHash();
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    public boolean isValid(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public String userId() {
        return userId;
    }

    /** The application the token was issued to. */
    public String clientId() {
        return clientId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long expiresInSeconds() {
        return Duration.between(createdAt, expiresAt).toSeconds();
    }
}
