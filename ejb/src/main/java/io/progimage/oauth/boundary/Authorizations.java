package io.progimage.oauth.boundary;

import io.progimage.oauth.control.FormTokens;
import io.progimage.oauth.control.Pkce;
import io.progimage.oauth.control.Secrets;
import io.progimage.oauth.entity.AccessToken;
import io.progimage.oauth.entity.AuthorizationCode;
import io.progimage.oauth.entity.ClientApplication;
import io.progimage.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The authorization code grant (API.md §3): codes issued on the authorize page, exchanged once
 * for a bearer token, tokens resolved back to their user, and revoked by their client (RFC 7009).
 */
@Stateless
public class Authorizations {

    /** What the token endpoint answers: a token, or an RFC 6749 §5.2 error. */
    public sealed interface Exchange {
        record Granted(String accessToken, AccessToken token) implements Exchange {
        }

        record Refused(String error, String description) implements Exchange {
        }
    }

    /** What the revocation endpoint answers: done (whatever the token was), or an RFC 6749 §5.2 error. */
    public sealed interface Revocation {
        record Done() implements Revocation {
        }

        record Refused(String error, String description) implements Revocation {
        }
    }

    /** Access tokens are this many alphanumerics; nothing else can be one. */
    static final int TOKEN_LENGTH = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    Applications applications;

    @Inject
    ServerSecrets serverSecrets;

    @Inject
    Clock clock;

    private FormTokens formTokens;

    /** A new code for the user's consent; only its digest is stored. */
    public String issueCode(ClientApplication application, String redirectUrl, User user, String challenge, String challengeMethod) {
        String code = Secrets.randomAlphanumeric(43);
        em.persist(new AuthorizationCode(Secrets.sha256Hex(code), application.clientId(), user.id(), redirectUrl,
                challenge, challenge == null ? null : challengeMethod, clock.instant()));
        return code;
    }

    /**
     * Exchanges a code for a token. Refusals are answers, not exceptions: the transaction must
     * commit even then, because a replayed code revokes the tokens issued from it (RFC 6749 §4.1.2).
     */
    public Exchange exchange(String clientId, String clientSecret, String code, String redirectUrl, String codeVerifier) {
        Optional<ClientApplication> client = applications.authenticate(clientId, clientSecret);
        if (client.isEmpty()) {
            return new Exchange.Refused("invalid_client", "client authentication failed");
        }
        if (code == null || code.isEmpty()) {
            return new Exchange.Refused("invalid_request", "code is required");
        }
        // The row lock makes "unused → used" atomic: two concurrent exchanges cannot both win.
        AuthorizationCode grant = code.length() > 128 ? null
                : em.find(AuthorizationCode.class, Secrets.sha256Hex(code), LockModeType.PESSIMISTIC_WRITE);
        if (grant == null || !grant.clientId().equals(client.get().clientId())) {
            return new Exchange.Refused("invalid_grant", "unknown authorization code");
        }
        if (grant.isUsed()) {
            em.createNamedQuery(AccessToken.REVOKE_BY_CODE)
                    .setParameter("now", clock.instant())
                    .setParameter("codeHash", grant.codeHash())
                    .executeUpdate();
            return new Exchange.Refused("invalid_grant", "authorization code already used; tokens issued from it are revoked");
        }
        if (grant.isExpired(clock.instant())) {
            return new Exchange.Refused("invalid_grant", "authorization code expired");
        }
        if (redirectUrl != null && !redirectUrl.equals(grant.redirectUrl())) {
            return new Exchange.Refused("invalid_grant", "redirect_url does not match the authorization request");
        }
        if (grant.codeChallenge() != null && !Pkce.verifies(codeVerifier, grant.codeChallenge(), grant.codeChallengeMethod())) {
            return new Exchange.Refused("invalid_grant", codeVerifier == null ? "code_verifier is required" : "code_verifier does not match");
        }
        grant.markUsed(clock.instant());
        String accessToken = Secrets.randomAlphanumeric(TOKEN_LENGTH);
        AccessToken token = new AccessToken(Secrets.sha256Hex(accessToken), grant, clock.instant());
        em.persist(token);
        return new Exchange.Granted(accessToken, token);
    }

    /** Who holds a valid bearer token: its user, and the application it was issued to. */
    public record Bearer(User user, String clientId) {
    }

    /** The user and the application of a bearer token, while it is valid. */
    public Optional<Bearer> bearer(String accessToken) {
        if (accessToken == null || accessToken.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        AccessToken token = em.find(AccessToken.class, Secrets.sha256Hex(accessToken));
        if (token == null || !token.isValid(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, token.userId())).map(user -> new Bearer(user, token.clientId()));
    }

    /**
     * Revokes a token of the authenticated client (RFC 7009 §2.1). An unknown token, one already
     * revoked or expired, and another client's token are all answered {@code Done} and the last
     * is left valid: a client can neither end nor probe tokens it does not hold as its own. The
     * mark is the {@code revoked_at} a replayed code sets; with no shared JPA cache every node's
     * next lookup reads it, so the token is refused everywhere from the commit on.
     */
    public Revocation revoke(String clientId, String clientSecret, String token) {
        Optional<ClientApplication> client = applications.authenticate(clientId, clientSecret);
        if (client.isEmpty()) {
            return new Revocation.Refused("invalid_client", "client authentication failed");
        }
        if (token == null || token.isEmpty()) {
            return new Revocation.Refused("invalid_request", "token is required");
        }
        if (token.length() == TOKEN_LENGTH) { // any other length is not one of ours: nothing to look up
            em.createNamedQuery(AccessToken.REVOKE_OF_CLIENT)
                    .setParameter("now", clock.instant())
                    .setParameter("tokenHash", Secrets.sha256Hex(token))
                    .setParameter("clientId", client.get().clientId())
                    .executeUpdate();
        }
        return new Revocation.Done();
    }

    /** The anti-forgery token for an authorize page showing this request. */
    public String formToken(List<String> request) {
        return formTokens().issue(request, clock.instant());
    }

    public boolean isGenuineForm(String token, List<String> request) {
        return formTokens().verify(token, request, clock.instant());
    }

    private FormTokens formTokens() {
        if (formTokens == null) { // a pooled instance keeps it; the key never changes
            formTokens = new FormTokens(serverSecrets.getOrCreate("authorize-form"));
        }
        return formTokens;
    }
}
