package io.progimage.ratelimit.api;

import io.progimage.oauth.api.Authenticated;
import io.progimage.platform.api.ApiError;
import io.progimage.ratelimit.boundary.RateLimiter;
import io.progimage.ratelimit.control.Decision;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API.md §6 on every request it covers, decided by the resource method JAX-RS matched (never by
 * re-reading the URI, whose spellings are many): {@link Authenticated} resources per user
 * (bearer authentication has already run: an invalid token was refused with 401 and never gets
 * here), methods marked {@link LimitedPerClientIp} per client IP. A request that matches no
 * method (404, 405) costs nothing and is not counted. Preflights never get here: the CORS filter
 * answers them first.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimits implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = RateLimits.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "progimage.rate.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "progimage.rate.trusted-proxies")
    Optional<String> trustedProxies;

    @Context
    HttpServletRequest servletRequest;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> key = key(request);
        if (!enabled || key.isEmpty()) {
            return;
        }
        Decision decision = limiter.check(key.get());
        request.setProperty(DECISION, decision);
        if (!decision.accepted()) {
            request.abortWith(ApiError.of(429, "rate limit exceeded: at most " + decision.limit() + " requests in "
                    + decision.windowSeconds() + " s; retry after " + decision.retryAfterSeconds() + " s")
                    .toResponse().header("Retry-After", decision.retryAfterSeconds()).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof Decision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("X-RateLimit-Limit", decision.limit());
            headers.putSingle("X-RateLimit-Remaining", decision.remaining());
            headers.putSingle("X-RateLimit-Reset", decision.resetEpochSeconds());
            headers.putSingle("RateLimit-Policy", "\"default\";q=" + decision.limit() + ";w=" + decision.windowSeconds());
            headers.putSingle("RateLimit", "\"default\";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        }
    }

    private Optional<String> key(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        if (method.isAnnotationPresent(Authenticated.class) || resource.getResourceClass().isAnnotationPresent(Authenticated.class)) {
            Principal user = request.getSecurityContext().getUserPrincipal();
            return Optional.ofNullable(user).map(principal -> "user:" + principal.getName());
        }
        if (method.isAnnotationPresent(LimitedPerClientIp.class)) {
            String forwardedFor = request.getHeaderString("X-Forwarded-For");
            return Optional.of("ip:" + ClientAddress.of(servletRequest.getRemoteAddr(), forwardedFor, trusted()));
        }
        return Optional.empty();
    }

    private Set<String> trusted() {
        return trustedProxies.map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet())).orElse(Set.of());
    }
}
