package io.progimage.oauth.api;

import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * What the token and revocation endpoints share (RFC 6749 §3.2, RFC 7009 §2.1): a form or a JSON
 * body, read into the endpoint's parameters, any other body type refused, every refusal an
 * RFC 6749 §5.2 error, each request limited per client IP. A subclass names its parameters and
 * answers them; it declares the two resource methods itself (form and JSON), so that each
 * endpoint's own OpenAPI annotations sit on them.
 */
public abstract class OAuthEndpoint {

    /** The parameters this endpoint reads; others are ignored. */
    abstract List<String> parameters();

    /** The answer to a request whose parameters were read. */
    abstract Response answer(Map<String, String> parameters, String authorization) throws OAuthRefusal;

    /** The form-encoded request (RFC 6749); a subclass's resource method, documented there, delegates here. */
    Response fromForm(MultivaluedMap<String, String> form, String authorization) {
        try {
            return answer(OAuthParameters.fromForm(form, parameters()), authorization);
        } catch (OAuthRefusal refusal) {
            return refusal.toResponse();
        }
    }

    /** The JSON request (the reference's style). */
    Response fromJson(String body, String authorization) {
        try {
            return answer(OAuthParameters.fromJson(body, parameters()), authorization);
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
}
