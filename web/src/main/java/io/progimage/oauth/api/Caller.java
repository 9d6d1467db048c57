package io.progimage.oauth.api;

import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;

/**
 * The principal of a request that {@link BearerAuthentication} let through: the token's user (the
 * principal's name, as every /user resource reads it) and the application the token was issued
 * to (a bulk remembers it: that application's webhook secret signs the bulk's webhook).
 */
public record Caller(String userId, String clientId) implements Principal {

    /** The caller of a request to an {@link Authenticated} resource. */
    public static Caller of(SecurityContext security) {
        return (Caller) security.getUserPrincipal();
    }

    @Override
    public String getName() {
        return userId;
    }
}
