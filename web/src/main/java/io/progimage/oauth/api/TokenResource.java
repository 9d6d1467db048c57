package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations;
import io.progimage.oauth.boundary.Authorizations.Exchange;
import io.progimage.platform.api.BasicCredentials;
import io.progimage.platform.api.JsonBody;
import io.progimage.platform.boundary.DomainException;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        Map<String, String> parameters = new HashMap<>();
        for (String name : PARAMETERS) {
            List<String> values = form.get(name);
            if (values != null && values.size() > 1) {
                return error("invalid_request", name + " is given more than once", false);
            }
            if (values != null && !values.get(0).isEmpty()) { // RFC 6749 §3.2: empty means omitted
                parameters.put(name, values.get(0));
            }
        }
        return exchange(parameters, authorization);
    }

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        JsonObject json;
        try {
            json = JsonBody.parse(body);
        } catch (DomainException duplicateKey) {
            return error("invalid_request", duplicateKey.details().get(0).field() + " is given more than once", false);
        } catch (WebApplicationException malformed) {
            return error("invalid_request", "the body is not a JSON object", false);
        }
        Map<String, String> parameters = new HashMap<>();
        for (String name : PARAMETERS) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                continue;
            }
            if (!(value instanceof JsonString string)) {
                return error("invalid_request", name + " must be a string", false);
            }
            if (!string.getString().isEmpty()) {
                parameters.put(name, string.getString());
            }
        }
        return exchange(parameters, authorization);
    }

    /** Any other body type: still an RFC 6749 error, since OAuth clients read these. */
    @LimitedPerClientIp
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response other() {
        return error("invalid_request", "send application/x-www-form-urlencoded or application/json", false);
    }

    private Response exchange(Map<String, String> parameters, String authorization) {
        String grantType = parameters.get("grant_type");
        if (grantType != null && !grantType.equals("authorization_code")) {
            return error("unsupported_grant_type", "only authorization_code is supported", false);
        }
        String redirectUrl = parameters.get("redirect_url");
        String redirectUri = parameters.get("redirect_uri");
        if (redirectUrl != null && redirectUri != null && !redirectUrl.equals(redirectUri)) {
            return error("invalid_request", "redirect_url and redirect_uri differ", false);
        }
        Optional<BasicCredentials> basic = BasicCredentials.from(authorization);
        String clientId = parameters.get("client_id");
        String clientSecret = parameters.get("client_secret");
        if (basic.isPresent()) {
            if (clientSecret != null) { // RFC 6749 §2.3: one client authentication method per request
                return error("invalid_request", "authenticate the client either with HTTP Basic or in the body, not both", false);
            }
            // RFC 6749 §2.3.1: Basic client credentials are form-encoded first
            String basicId;
            try {
                basicId = URLDecoder.decode(basic.get().id(), StandardCharsets.UTF_8);
                clientSecret = URLDecoder.decode(basic.get().secret(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                return error("invalid_client", "malformed HTTP Basic credentials", true);
            }
            if (clientId != null && !clientId.equals(basicId)) {
                return error("invalid_request", "client_id differs from the HTTP Basic user", false);
            }
            clientId = basicId;
        }
        if (clientId == null || clientSecret == null) {
            return error("invalid_client", "client_id and client_secret are required", basic.isPresent());
        }
        Exchange result = authorizations.exchange(clientId, clientSecret, parameters.get("code"),
                redirectUrl != null ? redirectUrl : redirectUri, parameters.get("code_verifier"));
        if (result instanceof Exchange.Refused refused) {
            return error(refused.error(), refused.description(), basic.isPresent());
        }
        Exchange.Granted granted = (Exchange.Granted) result;
        JsonObject token = Json.createObjectBuilder()
                .add("access_token", granted.accessToken())
                .add("token_type", "bearer")
                .add("expires_in", granted.token().expiresInSeconds())
                .add("scope", "api")
                .add("created_at", granted.token().createdAt().getEpochSecond())
                .build();
        return noStore(Response.ok(token.toString())).build();
    }

    private static Response error(String error, String description, boolean basicUsed) {
        int status = error.equals("invalid_client") ? 401 : 400;
        Response.ResponseBuilder response = noStore(Response.status(status)
                .entity(Json.createObjectBuilder().add("error", error).add("error_description", description).build().toString()));
        if (status == 401 && basicUsed) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"progimage\"");
        }
        return response.build();
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
