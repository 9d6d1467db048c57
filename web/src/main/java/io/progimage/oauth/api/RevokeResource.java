package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations.Revocation;
import io.progimage.oauth.boundary.Authorizations;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "oauth")
public class RevokeResource extends OAuthEndpoint {

    private static final List<String> PARAMETERS = List.of("client_id", "client_secret", "token", "token_type_hint");

    @Inject
    Authorizations authorizations;


    /** The form-encoded request (RFC 6749), documented with the JSON one below: one operation, two media types. */
    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response form(MultivaluedMap<String, String> form, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return fromForm(form, authorization);
    }

    /** The JSON request (the reference's style), and the documentation of the operation's two media types. */
    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeToken", summary = "Revoke an access token",
            description = "RFC 7009. The token stops working on every node at once. Errors follow RFC 6749 §5.2.")
    @Extension(name = "x-rate-limit", value = "per-client-ip")
    @SecurityRequirement(name = "basic")
    @SecurityRequirementsSet
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = OAuthViews.Revocation.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthViews.Revocation.class))})
    @APIResponse(responseCode = "200", description = "Revoked, or the token was unknown, already revoked or another client's"
            + " (RFC 7009 §2.2: the same empty answer)")
    @APIResponse(responseCode = "400", description = "invalid_request, or another RFC 6749 §5.2 error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthViews.TokenError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client: unknown client or wrong secret",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Basic realm=\"progimage\", when Basic was used",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthViews.TokenError.class)))
    public Response json(String body, @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return fromJson(body, authorization);
    }

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
