package io.progimage.oauth.api;

import io.progimage.oauth.boundary.Applications;
import io.progimage.platform.api.ApiError;
import io.progimage.platform.api.BasicCredentials;
import io.progimage.platform.api.RequestRules;
import io.progimage.platform.boundary.DomainException;
import io.progimage.users.boundary.Users;
import io.progimage.users.entity.User;
import io.progimage.ratelimit.api.LimitedPerClientIp;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.progimage.platform.api.Times;

/**
 * Registers an API application for the user of the HTTP Basic credentials (API.md §2), and
 * replaces its webhook signing secret for the same user (issue 14 §4).
 */
@Path("oauth/applications")
@Tag(name = "oauth")
public class ApplicationsResource {

    @Inject
    Users users;

    @Inject
    Applications applications;

    @LimitedPerClientIp
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerApplication", summary = "Register an API application",
            description = "HTTP Basic authentication with the user's e-mail and password. The answer is the only place"
                    + " the client secret is ever shown: the server keeps only a digest of it. The webhook secret, which"
                    + " signs the application's bulk completion webhooks, is shown here too, and again only when replaced.")
    @Extension(name = "x-rate-limit", value = "per-client-ip")
    @SecurityRequirement(name = "basic")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OAuthViews.Registration.class)))
    @APIResponse(responseCode = "201", description = "The application with its client secret (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthViews.Registered.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong e-mail and password",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Basic realm=\"progimage\", charset=\"UTF-8\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(responseCode = "422", description = "A missing name, or a redirect URL that is not an absolute http(s) URL",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public Response register(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        User owner = BasicCredentials.from(authorization)
                .flatMap(credentials -> users.authenticate(credentials.id(), credentials.secret()))
                .orElse(null);
        if (owner == null) {
            return basicChallenge();
        }
        OAuthViews.Registration request = RequestRules.read(body, OAuthViews.Registration.class);
        var registration = applications.register(owner, request.name(), request.redirectUrl());
        var application = registration.application();
        var answer = new OAuthViews.Registered(application.clientId(), registration.clientSecret(), application.name(),
                application.redirectUrl(), Times.iso(application.createdAt()), registration.webhookSecret());
        return Response.status(Response.Status.CREATED).entity(answer)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /**
     * Issue 14 §4: a new webhook signing secret, for the application's owner (the same HTTP Basic
     * credentials as the registration: the secret is the owner's to see). 404 for an unknown
     * client id and another user's application alike.
     */
    @LimitedPerClientIp
    @POST
    @Path("{client_id}/webhook-secret")
    @Consumes(MediaType.APPLICATION_JSON) // not a form: a page on another site cannot replay a browser's cached Basic login
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceWebhookSecret", summary = "Replace an application's webhook signing secret",
            description = "HTTP Basic authentication with the e-mail and password of the user who registered the application."
                    + " The new secret signs every webhook attempt from now on, including the retries of deliveries under"
                    + " way; the old one signs nothing. The answer is the only place the new secret is shown. Send"
                    + " `Content-Type: application/json` (the body, e.g. `{}` or none, is ignored): a form on another site"
                    + " cannot, so a login a browser has cached cannot be replayed from there.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "Ignored")))
    @Extension(name = "x-rate-limit", value = "per-client-ip")
    @SecurityRequirement(name = "basic")
    @APIResponse(responseCode = "200", description = "The new secret (Cache-Control: no-store)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthViews.WebhookSecret.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong e-mail and password",
            headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE, description = "Basic realm=\"progimage\", charset=\"UTF-8\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(responseCode = "404", description = "No such application: an unknown client id and another user's get the same answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public Response replaceWebhookSecret(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                         @Parameter(description = "The application's client id") @PathParam("client_id") String clientId) {
        User owner = BasicCredentials.from(authorization)
                .flatMap(credentials -> users.authenticate(credentials.id(), credentials.secret()))
                .orElse(null);
        if (owner == null) {
            return basicChallenge();
        }
        var replaced = applications.replaceWebhookSecret(owner, clientId)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "no such application"));
        var answer = new OAuthViews.WebhookSecret(replaced.application().clientId(), replaced.secret(), Times.iso(replaced.createdAt()));
        return Response.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** The Basic challenge says how to authenticate here; the Bearer one is on every 401 (§1). */
    private static Response basicChallenge() {
        return ApiError.of(401, "HTTP Basic authentication with your e-mail and password is required")
                .toResponse().header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"progimage\", charset=\"UTF-8\"").build();
    }
}
