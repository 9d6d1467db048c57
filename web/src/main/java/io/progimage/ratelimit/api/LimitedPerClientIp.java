package io.progimage.ratelimit.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the unauthenticated endpoints that API.md §6 limits per client IP. {@link RateLimits}
 * reads it from the method JAX-RS matched, like {@code @Authenticated} for the per-user limit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LimitedPerClientIp {
}
