package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations;
import io.progimage.oauth.boundary.Authorizations.Exchange;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
 * The token endpoint (API.md §3.3-§3.4): form-encoded (RFC 6749) or JSON (the reference's
 * style), client credentials in the body or in HTTP Basic. Its errors follow RFC 6749 §5.2, not
 * the §1 body, because OAuth client libraries parse them.
 */
@Path("oauth/token")
public class TokenResource {

    private static final List<String> PARAMETERS = List.of("client_id", "client_secret", "code", "grant_type",
            "redirect_url", "redirect_uri", "code_verifier");

    @Inject
    Authorizations authorizations;

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response form(MultivaluedMap<String, String> form, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        try {
            return exchange(OAuthParameters.fromForm(form, PARAMETERS), authorization);
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
            return exchange(OAuthParameters.fromJson(body, PARAMETERS), authorization);
        } catch (OAuthRefusal refusal) {
            return refusal.toResponse();
        }
    }

    /** Any other body type: still an RFC 6749 error, since OAuth clients read these. */
    @LimitedPerClientIp
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response other() {
        return new OAuthRefusal("invalid_request", "send application/x-www-form-urlencoded or application/json", false).toResponse();
    }

    private Response exchange(Map<String, String> parameters, String authorization) throws OAuthRefusal {
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
        JsonObject token = Json.createObjectBuilder()
                .add("access_token", granted.accessToken())
                .add("token_type", "bearer")
                .add("expires_in", granted.token().expiresInSeconds())
                .add("scope", "api")
                .add("created_at", granted.token().createdAt().getEpochSecond())
                .build();
        return OAuthRefusal.noStore(Response.ok(token.toString())).build();
    }
}
