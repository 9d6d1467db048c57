package io.progimage.oauth.api;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resources that need a bearer token (API.md §3.5). Bound by name to
 * {@link BearerAuthentication}: what needs a token follows from the resource JAX-RS matched,
 * never from re-reading the URI, so no spelling of a path the router accepts
 * ({@code /user;a=1}, {@code /%75ser}, {@code //user}) can skip it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
}
