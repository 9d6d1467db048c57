package io.progimage.users.api;

import io.progimage.platform.boundary.DomainException;
import io.progimage.users.boundary.Users;
import io.progimage.oauth.api.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** The token's user (API.md §4); bearer authentication has already run for every /user path. */
@Authenticated
@Path("user")
public class UserResource {

    @Inject
    Users users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String me(@Context SecurityContext security) {
        return users.find(security.getUserPrincipal().getName())
                .map(user -> UserView.of(user).toJson().toString())
                .orElseThrow(() -> new DomainException(DomainException.Kind.BAD_CREDENTIALS, "the token's user no longer exists"));
    }
}
