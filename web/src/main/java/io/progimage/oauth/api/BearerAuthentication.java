package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Authorizations;
import io.progimage.platform.api.ApiError;
import io.progimage.platform.api.Cors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Bearer authentication (API.md §3.5, RFC 6750) for every {@code /user} and {@code /user/...}
 * path, as a Jakarta Security mechanism so the container knows the caller (the user id is the
 * principal's name). Other paths, and CORS preflights, pass untouched. A token in the query
 * string is refused, never used: URLs end up in logs and Referer headers.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

    @Inject
    Authorizations authorizations;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(path.equals("/user") || path.startsWith("/user/")) || "OPTIONS".equals(request.getMethod())) {
            return context.doNothing();
        }
        if (hasQueryToken(request.getQueryString())) {
            return refuse(response, "invalid_request", "send the token in the Authorization header, not in the URL");
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(response, null, "a bearer token is required");
        }
        return authorizations.userForToken(authorization.substring(7).trim())
                .map(user -> context.notifyContainerAboutLogin(user.id(), Set.of("user")))
                .orElseGet(() -> refuse(response, "invalid_token", "the token is unknown, expired or revoked"));
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

    private static AuthenticationStatus refuse(HttpServletResponse response, String error, String message) {
        // Written here, not by JAX-RS: authentication runs before the servlet filters and the
        // app, so this response also carries the CORS headers itself.
        Cors.addHeaders(response);
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", ApiError.BEARER_CHALLENGE + (error == null ? "" : ", error=\"" + error + "\""));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = ApiError.of(401, message).toJson().toString().getBytes(StandardCharsets.UTF_8);
        try {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
