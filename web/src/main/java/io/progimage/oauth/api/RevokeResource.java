package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations;
import io.progimage.oauth.boundary.Authorizations.Revocation;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
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
public class RevokeResource {

    private static final List<String> PARAMETERS = List.of("client_id", "client_secret", "token", "token_type_hint");

    @Inject
    Authorizations authorizations;

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response form(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        try {
            return revoke(OAuthParameters.fromForm(form, PARAMETERS), authorization);
        } catch (OAuthRefusal refusal) {
            return refusal.toResponse();
        }
    }

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        try {
            return revoke(OAuthParameters.fromJson(body, PARAMETERS), authorization);
        } catch (OAuthRefusal refusal) {
            return refusal.toResponse();
        }
    }

    /** Any other body type: an RFC 6749 error, as at the token endpoint. */
    @LimitedPerClientIp
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response other() {
        return new OAuthRefusal("invalid_request", "send application/x-www-form-urlencoded or application/json", false).toResponse();
    }

    private Response revoke(Map<String, String> parameters, String authorization) throws OAuthRefusal {
        ClientCredentials client = ClientCredentials.from(parameters, authorization);
        Revocation result = authorizations.revoke(client.id(), client.secret(), parameters.get("token"));
        if (result instanceof Revocation.Refused refused) {
            throw new OAuthRefusal(refused.error(), refused.description(), client.basic());
        }
        return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
