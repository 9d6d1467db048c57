package io.progimage.users.api;

import io.progimage.platform.api.ApiError;
import io.progimage.platform.api.RequestRules;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import io.progimage.users.boundary.Users;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-up (API.md §2). */
@Path("users")
@Tag(name = "accounts")
public class UsersResource {

    @Inject
    Users users;

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signUp", summary = "Sign up",
            description = "Creates a user. The password (at least 8 characters) is kept only as a slow salted hash.")
    @Extension(name = "x-rate-limit", value = "per-client-ip")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UserView.SignUp.class),
            examples = @ExampleObject(name = "signUp", value = "{\"name\": \"Ada Lovelace\", \"email\": \"ada@example.org\","
                    + " \"password\": \"correct horse battery\"}")))
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The e-mail is already registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(responseCode = "422", description = "A missing name or e-mail, a malformed e-mail, a short password",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public Response signUp(String body) {
        UserView.SignUp request = RequestRules.read(body, UserView.SignUp.class);
        var user = users.signUp(request.name(), request.email(), request.password());
        return Response.status(Response.Status.CREATED).entity(UserView.of(user)).build();
    }
}
