package io.progimage.oauth.boundary;

import io.progimage.oauth.control.ClientSecrets;
import io.progimage.oauth.control.Secrets;
import io.progimage.oauth.control.WebhookSecrets;
import io.progimage.oauth.entity.ClientApplication;
import io.progimage.users.boundary.Passwords;
import io.progimage.users.entity.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;

/**
 * API applications (API.md §2): registered by a user, authenticated by client id and secret; each
 * has a webhook signing secret (issue 14 §4), shown once at registration and replaceable by its owner.
 */
@Stateless
public class Applications {

    /** The server secret that seals webhook secrets ({@link WebhookSecrets}). */
    static final String WEBHOOK_KEY = "webhook-secrets";

    /** The secrets exist in the clear only in this answer to the registration. */
    public record Registration(ClientApplication application, String clientSecret, String webhookSecret) {
        @Override
        public String toString() {
            return "Registration[" + application.clientId() + "]"; // never the secrets
        }
    }

    /** A new webhook secret, in the clear only in this answer. */
    public record WebhookSecret(ClientApplication application, String secret, java.time.Instant createdAt) {
        @Override
        public String toString() {
            return "WebhookSecret[" + application.clientId() + "]";
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    @Inject
    ServerSecrets serverSecrets;

    private WebhookSecrets webhookSecrets;

    /** Valid values (the web layer's request rules check them, oauth.api.OAuthViews.Registration). */
    public Registration register(User owner, String name, String redirectUrl) {
        if (name == null || name.isBlank() || redirectUrl == null) {
            throw new IllegalArgumentException("a registration needs a name and a redirect URL");
        }
        String secret = Secrets.randomAlphanumeric(48);
        ClientApplication application = new ClientApplication(Secrets.randomAlphanumeric(32), ClientSecrets.digest(secret),
                name.trim(), redirectUrl, owner.id(), clock.instant());
        String webhookSecret = WebhookSecrets.generate();
        application.replaceWebhookSecret(webhookSecrets().seal(webhookSecret, application.clientId()));
        em.persist(application);
        return new Registration(application, secret, webhookSecret);
    }

    /**
     * A new webhook signing secret for the owner's application, replacing the one before at once
     * (a delivery still retrying is signed with the new one from its next attempt). Empty for an
     * unknown client id and for another user's application alike.
     */
    public Optional<WebhookSecret> replaceWebhookSecret(User owner, String clientId) {
        Optional<ClientApplication> application = find(clientId).filter(found -> found.isOwnedBy(owner.id()));
        return application.map(found -> {
            String secret = WebhookSecrets.generate();
            found.replaceWebhookSecret(webhookSecrets().seal(secret, found.clientId()));
            return new WebhookSecret(found, secret, clock.instant());
        });
    }

    /** Whether the application exists and has a webhook secret to sign with. */
    public boolean canSignWebhooks(String clientId) {
        return find(clientId).map(application -> application.sealedWebhookSecret() != null).orElse(false);
    }

    /** The application's current webhook secret, to sign a delivery with; empty when it has none (or no longer exists). */
    public Optional<String> webhookSecret(String clientId) {
        return find(clientId).filter(application -> application.sealedWebhookSecret() != null)
                .map(application -> webhookSecrets().open(application.sealedWebhookSecret(), application.clientId()));
    }

    private WebhookSecrets webhookSecrets() {
        if (webhookSecrets == null) { // a pooled instance keeps it; the key never changes
            webhookSecrets = new WebhookSecrets(serverSecrets.getOrCreate(WEBHOOK_KEY));
        }
        return webhookSecrets;
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
