package io.progimage.oauth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An authorization code (API.md §3.2): single-use, short-lived, bound to the client, the
 * redirect URL, the user and the PKCE challenge it was issued with.
 */
@Entity
@Table(name = "oauth_codes")
public class AuthorizationCode {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "redirect_url", nullable = false)
    private String redirectUrl;

    @Column(name = "code_challenge")
    private String codeChallenge;

    @Column(name = "code_challenge_method")
    private String codeChallengeMethod;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AuthorizationCode() {
    }

    public AuthorizationCode(String codeHash, String clientId, String userId, String redirectUrl,
                             String codeChallenge, String codeChallengeMethod, Instant now) {
        if ((codeChallenge == null) != (codeChallengeMethod == null)) {
            throw new IllegalArgumentException("a PKCE challenge needs its method");
        }
        this.codeHash = Objects.requireNonNull(codeHash);
        this.clientId = Objects.requireNonNull(clientId);
        this.userId = Objects.requireNonNull(userId);
        this.redirectUrl = Objects.requireNonNull(redirectUrl);
        this.codeChallenge = codeChallenge;
        this.codeChallengeMethod = codeChallengeMethod;
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Marks the code spent; a code is exchanged at most once. */
    public void markUsed(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("code already used");
        }
        usedAt = now;
    }

    public String codeHash() {
        return codeHash;
    }

    public String clientId() {
        return clientId;
    }

    public String userId() {
        return userId;
    }

    public String redirectUrl() {
        return redirectUrl;
    }

    public String codeChallenge() {
        return codeChallenge;
    }

    public String codeChallengeMethod() {
        return codeChallengeMethod;
    }
}
