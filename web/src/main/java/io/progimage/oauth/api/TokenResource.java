package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations.Exchange;
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
 * The token endpoint (API.md §3.3-§3.4): form-encoded (RFC 6749) or JSON (the reference's
 * style), client credentials in the body or in HTTP Basic. Its errors follow RFC 6749 §5.2, not
 * the §1 body, because OAuth client libraries parse them.
 */
@Path("oauth/token")
@Tag(name = "oauth")
public class TokenResource extends OAuthEndpoint {

    private static final List<String> PARAMETERS = List.of("client_id", "client_secret", "code", "grant_type",
            "redirect_url", "redirect_uri", "code_verifier");

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
    @Operation(operationId = "createToken", summary = "Exchange an authorization code for an access token",
            description = "RFC 6749 §4.1.3 with PKCE (RFC 7636). A code works once; using it twice revokes the tokens issued from it." + " Errors follow RFC 6749 §5.2, not the Error body.")
    @Extension(name = "x-rate-limit", value = "per-client-ip")
    @SecurityRequirement(name = "basic")
    @SecurityRequirementsSet
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(implementation = OAuthViews.TokenRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthViews.TokenRequest.class))})
    @APIResponse(responseCode = "200", description = "The access token (Cache-Control: no-store)",
            headers = @Header(name = HttpHeaders.CACHE_CONTROL, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, enumeration = "no-store")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthViews.Token.class)))
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
        String grantType = parameters.get("grant_type");
        if (grantType != null && !grantType.equals("authorization_code")) {
            throw new OAuthRefusal("unsupported_grant_type", "only authorization_code is supported", false);
        }
        String redirectUrl = parameters.get("redirect_url");
        String redirectUri = parameters.get("redirect_uri");
        if (redirectUrl != null && redirectUri != null && !redirectUrl.equals(redirectUri)) {
            throw new OAuthRefusal("invalid_request", "redirect_url and redirect_uri differ", false);
        }
        ClientCredentials client = ClientCredentials.from(parameters, authorization);
        Exchange result = authorizations.exchange(client.id(), client.secret(), parameters.get("code"),
                redirectUrl != null ? redirectUrl : redirectUri, parameters.get("code_verifier"));
        if (result instanceof Exchange.Refused refused) {
            throw new OAuthRefusal(refused.error(), refused.description(), client.basic());
        }
        Exchange.Granted granted = (Exchange.Granted) result;
        var token = new OAuthViews.Token(granted.accessToken(), "bearer", granted.token().expiresInSeconds(), "api",
                granted.token().createdAt().getEpochSecond());
        return OAuthRefusal.noStore(Response.ok(token)).build();
    }
}
