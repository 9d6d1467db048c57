package io.progimage.oauth.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 6749 §5.2 error of the token or revocation endpoint, not the §1 body: OAuth client
 * libraries parse these. Checked, so each endpoint method answers it itself and none can leak
 * to the generic mappers as a 500.
 */
final class OAuthRefusal extends Exception {

    private final String error;
    private final String description;
    private final boolean basicUsed;

    /** {@code basicUsed}: the client tried HTTP Basic, so a 401 challenges it to try again that way. */
    OAuthRefusal(String error, String description, boolean basicUsed) {
        super(error + ": " + description, null, false, false); // an answer, not a fault: no stack trace
        this.error = error;
        this.description = description;
        this.basicUsed = basicUsed;
    }

    String error() {
        return error;
    }

    String description() {
        return description;
    }

    boolean basicUsed() {
        return basicUsed;
    }

    Response toResponse() {
        int status = error.equals("invalid_client") ? 401 : 400;
        Response.ResponseBuilder response = noStore(Response.status(status)
                .entity(new OAuthViews.TokenError(error, description)));
        if (status == 401 && basicUsed) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"progimage\"");
        }
        return response.build();
    }

    /** A JSON answer no cache keeps (RFC 6749 §5.1): it may carry a token. */
    static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
