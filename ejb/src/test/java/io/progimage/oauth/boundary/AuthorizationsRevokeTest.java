package io.progimage.oauth.boundary;

import io.progimage.oauth.boundary.Authorizations.Revocation;
import io.progimage.oauth.control.ClientSecrets;
import io.progimage.oauth.control.Secrets;
import io.progimage.oauth.entity.AccessToken;
import io.progimage.oauth.entity.ClientApplication;
import io.progimage.users.boundary.Passwords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which update a revocation runs, if any, against an entity manager that records it: the
 * update itself (a row of another client stays valid) is exercised on the database by RevocationIT.
 */
class AuthorizationsRevokeTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final String CLIENT_ID = "c".repeat(32);
    private static final String SECRET = "s".repeat(48);

    /** The named queries executed, each with its parameters. */
    private final List<Map<String, Object>> updates = new ArrayList<>();
    private Authorizations authorizations;

    @BeforeEach
    void wire() {
        ClientApplication application = new ClientApplication(CLIENT_ID, ClientSecrets.digest(SECRET), "App",
                "https://client.example/cb", "u".repeat(36), NOW);
        EntityManager em = recordingEntityManager(application);
        Applications applications = new Applications();
        applications.em = em;
        applications.passwords = new Passwords(); // never asked: the stored secret is a digest
        authorizations = new Authorizations();
        authorizations.em = em;
        authorizations.applications = applications;
        authorizations.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Test
    void theClientsOwnTokenIsRevokedByItsDigestAndOnlyForThatClient() {
        String token = "t".repeat(Authorizations.TOKEN_LENGTH);
        assertEquals(new Revocation.Done(), authorizations.revoke(CLIENT_ID, SECRET, token));
        assertEquals(List.of(Map.of("name", AccessToken.REVOKE_OF_CLIENT, "now", NOW, "tokenHash", Secrets.sha256Hex(token),
                "clientId", CLIENT_ID)), updates);
    }

    @Test
    void aWrongSecretOrUnknownClientIsInvalidClientAndRevokesNothing() {
        String token = "t".repeat(Authorizations.TOKEN_LENGTH);
        assertEquals(new Revocation.Refused("invalid_client", "client authentication failed"),
                authorizations.revoke(CLIENT_ID, SECRET + "x", token));
        assertEquals(new Revocation.Refused("invalid_client", "client authentication failed"),
                authorizations.revoke("d".repeat(32), SECRET, token));
        assertEquals(new Revocation.Refused("invalid_client", "client authentication failed"),
                authorizations.revoke(CLIENT_ID, null, token));
        assertTrue(updates.isEmpty());
    }

    @Test
    void aMissingTokenIsInvalidRequestOnceTheClientIsKnown() {
        assertEquals(new Revocation.Refused("invalid_request", "token is required"), authorizations.revoke(CLIENT_ID, SECRET, null));
        assertEquals(new Revocation.Refused("invalid_request", "token is required"), authorizations.revoke(CLIENT_ID, SECRET, ""));
        // the client is authenticated first, as at the token endpoint: a stranger learns nothing about the request
        assertEquals("invalid_client", ((Revocation.Refused) authorizations.revoke(CLIENT_ID, "wrong", null)).error());
        assertTrue(updates.isEmpty());
    }

    @Test
    void aValueThatCannotBeATokenIsDoneWithoutALookup() {
        assertEquals(new Revocation.Done(), authorizations.revoke(CLIENT_ID, SECRET, "short"));
        assertEquals(new Revocation.Done(), authorizations.revoke(CLIENT_ID, SECRET, "t".repeat(Authorizations.TOKEN_LENGTH + 1)));
        assertTrue(updates.isEmpty());
    }

    /** Finds the one application; records every named update with its parameters. */
    private EntityManager recordingEntityManager(ClientApplication application) {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> args[0] == ClientApplication.class && application.clientId().equals(args[1]) ? application : null;
                    case "createNamedQuery" -> recordingQuery((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.toString());
                });
    }

    private Query recordingQuery(String name) {
        Map<String, Object> update = new HashMap<>(Map.of("name", name));
        return (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        update.put((String) args[0], args[1]);
                        yield proxy;
                    }
                    case "executeUpdate" -> {
                        updates.add(update);
                        yield 1;
                    }
                    default -> throw new UnsupportedOperationException(method.toString());
                });
    }
}
