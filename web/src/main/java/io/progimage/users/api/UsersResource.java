package io.progimage.users.api;

import io.progimage.platform.api.JsonBody;
import io.progimage.users.boundary.Users;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sign-up (API.md §2). */
@Path("users")
public class UsersResource {

    @Inject
    Users users;

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signUp(String body) {
        JsonObject json = JsonBody.parse(body);
        var user = users.signUp(JsonBody.string(json, "name"), JsonBody.string(json, "email"), JsonBody.string(json, "password"));
        return Response.status(Response.Status.CREATED).entity(UserView.of(user).toJson().toString()).build();
    }
}
