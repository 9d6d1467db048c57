package io.progimage.oauth.boundary;

import io.progimage.oauth.control.ClientSecrets;
import io.progimage.oauth.control.Secrets;
import io.progimage.oauth.entity.ClientApplication;
import io.progimage.users.boundary.Passwords;
import io.progimage.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;

/** API applications (API.md §2): registered by a user, authenticated by client id and secret. */
@Stateless
public class Applications {

    /** The secret exists in the clear only in this answer to its registration. */
    public record Registration(ClientApplication application, String clientSecret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    /** Valid values (the web layer's request rules check them, oauth.api.OAuthViews.Registration). */
    public Registration register(User owner, String name, String redirectUrl) {
        if (name == null || name.isBlank() || redirectUrl == null) {
            throw new IllegalArgumentException("a registration needs a name and a redirect URL");
        }
        String secret = Secrets.randomAlphanumeric(48);
        ClientApplication application = new ClientApplication(Secrets.randomAlphanumeric(32), ClientSecrets.digest(secret),
                name.trim(), redirectUrl, owner.id(), clock.instant());
        em.persist(application);
        return new Registration(application, secret);
    }

    public Optional<ClientApplication> find(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(ClientApplication.class, clientId));
    }

    /**
     * The application with these credentials; as costly for an unknown client id as for a known
     * one (one SHA-256). A secret still stored as a legacy PBKDF2 hash costs one slow hash, once:
     * on success its digest replaces it, committed with the caller's transaction.
     */
    public Optional<ClientApplication> authenticate(String clientId, String clientSecret) {
        if (clientSecret == null || clientSecret.length() > 256) {
            return Optional.empty();
        }
        Optional<ClientApplication> application = find(clientId);
        if (application.isEmpty()) {
            ClientSecrets.verifyDecoy(clientSecret);
            return Optional.empty();
        }
        ClientSecrets.Verdict verdict = ClientSecrets.verify(clientSecret, application.get().clientSecretHash(), passwords::verify);
        if (verdict == ClientSecrets.Verdict.ACCEPTED_NEEDS_MIGRATION) {
            application.get().migrateSecretHash(ClientSecrets.digest(clientSecret));
        }
        return verdict.accepted() ? application : Optional.empty();
    }
}
