package io.progimage.users.api;

import io.progimage.oauth.api.Authenticated;
import io.progimage.platform.boundary.DomainException;
import io.progimage.users.boundary.Users;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The token's user (API.md §4); bearer authentication has already run for every /user path. */
@Authenticated
@Path("user")
@Tag(name = "accounts")
@SecurityRequirement(name = "oauth2", scopes = "api")
@SecurityRequirement(name = "bearer")
public class UserResource {

    @Inject
    Users users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCurrentUser", summary = "The token's user")
    @APIResponse(responseCode = "200", description = "The user the token was issued to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public UserView me(@Context SecurityContext security) {
        return users.find(security.getUserPrincipal().getName())
                .map(UserView::of)
                .orElseThrow(() -> new DomainException(DomainException.Kind.BAD_CREDENTIALS, "the token's user no longer exists"));
    }
}
