package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations;
import io.progimage.oauth.boundary.Authorizations.Revocation;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Token revocation (RFC 7009): the bodies and client authentication of the token endpoint,
 * and {@code token} with an optional {@code token_type_hint}. The hint is read only so that it,
 * too, may be given once: this server issues access tokens alone, and RFC 7009 §2.1 has a server
 * ignore a hint it cannot use. A revoked, unknown or foreign token is the same empty 200
 * (§2.2); errors are RFC 6749 §5.2 like the token endpoint's.
 */
@Path("oauth/revoke")
public class RevokeResource extends OAuthEndpoint {

    private static final List<String> PARAMETERS = List.of("client_id", "client_secret", "token", "token_type_hint");

    @Inject
    Authorizations authorizations;

    @Override
    List<String> parameters() {
        return PARAMETERS;
    }

    @Override
    Response answer(Map<String, String> parameters, String authorization) throws OAuthRefusal {
        ClientCredentials client = ClientCredentials.from(parameters, authorization);
        Revocation result = authorizations.revoke(client.id(), client.secret(), parameters.get("token"));
        if (result instanceof Revocation.Refused refused) {
            throw new OAuthRefusal(refused.error(), refused.description(), client.basic());
        }
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
