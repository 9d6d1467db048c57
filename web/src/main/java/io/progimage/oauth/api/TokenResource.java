package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations;
import io.progimage.oauth.boundary.Authorizations.Exchange;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * The token endpoint (API.md §3.3-§3.4): form-encoded (RFC 6749) or JSON (the reference's
 * style), client credentials in the body or in HTTP Basic. Its errors follow RFC 6749 §5.2, not
 * the §1 body, because OAuth client libraries parse them.
 */
@Path("oauth/token")
public class TokenResource extends OAuthEndpoint {

    private static final List<String> PARAMETERS = List.of("client_id", "client_secret", "code", "grant_type",
            "redirect_url", "redirect_uri", "code_verifier");

    @Inject
    Authorizations authorizations;

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
