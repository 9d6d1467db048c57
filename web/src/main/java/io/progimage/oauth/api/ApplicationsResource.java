package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Applications;
import io.progimage.platform.api.ApiError;
import io.progimage.platform.api.BasicCredentials;
import io.progimage.platform.api.JsonBody;
import io.progimage.users.boundary.Users;
import io.progimage.users.entity.User;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.progimage.platform.api.Times;

/** Registers an API application for the user of the HTTP Basic credentials (API.md §2). */
@Path("oauth/applications")
public class ApplicationsResource {

    @Inject
    Users users;

    @Inject
    Applications applications;

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        User owner = BasicCredentials.from(authorization)
                .flatMap(credentials -> users.authenticate(credentials.id(), credentials.secret()))
                .orElse(null);
        if (owner == null) {
            // the Basic challenge says how to authenticate here; the Bearer one is on every 401 (§1)
            return ApiError.of(401, "HTTP Basic authentication with your e-mail and password is required")
                    .toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"progimage\", charset=\"UTF-8\"").build();
        }
        JsonObject json = JsonBody.parse(body);
        var registration = applications.register(owner, JsonBody.string(json, "name"), JsonBody.string(json, "redirect_url"));
        var application = registration.application();
        JsonObject answer = Json.createObjectBuilder()
                .add("client_id", application.clientId())
                .add("client_secret", registration.clientSecret())
                .add("name", application.name())
                .add("redirect_url", application.redirectUrl())
                .add("created_at", Times.iso(application.createdAt()))
                .build();
        return Response.status(Response.Status.CREATED).entity(answer.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
