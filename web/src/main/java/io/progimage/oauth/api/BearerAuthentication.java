package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations;
import io.progimage.platform.api.ApiError;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

/**
 * Bearer authentication (API.md §3.5, RFC 6750) for every resource marked
 * {@link Authenticated}: a post-matching JAX-RS filter, so it runs for exactly the methods the
 * router chose, and a database failure of the token lookup is mapped like any other (503).
 * The caller becomes the request's principal, a {@link Caller} (its name is the user id). A token in the query
 * string is refused, never used: URLs end up in logs and Referer headers.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    @Inject
    Authorizations authorizations;

    @Override
    public void filter(ContainerRequestContext request) {
        if (hasQueryToken(request.getUriInfo().getRequestUri().getRawQuery())) {
            refuse(request, "invalid_request", "send the token in the Authorization header, not in the URL");
            return;
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(request, null, "a bearer token is required");
            return;
        }
        authorizations.bearer(authorization.substring(7).trim()).ifPresentOrElse(
                bearer -> request.setSecurityContext(new CallerContext(new Caller(bearer.user().id(), bearer.clientId()),
                        request.getSecurityContext().isSecure())),
                () -> refuse(request, "invalid_token", "the token is unknown, expired or revoked"));
    }

    /** Only the query string is looked at: reading parameters could consume a form body. */
    static boolean hasQueryToken(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                if (URLDecoder.decode(name, StandardCharsets.UTF_8).equals("access_token")) {
                    return true;
                }
            } catch (IllegalArgumentException malformedEscape) {
                // not a parameter name anyone could have meant as access_token
            }
        }
        return false;
    }

    private static void refuse(ContainerRequestContext request, String error, String message) {
        request.abortWith(ApiError.of(401, message).toResponse()
                .header("WWW-Authenticate", null) // replaced by the challenge with its error code
                .header("WWW-Authenticate", ApiError.BEARER_CHALLENGE + (error == null ? "" : ", error=\"" + error + "\""))
                .build());
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return "user".equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
