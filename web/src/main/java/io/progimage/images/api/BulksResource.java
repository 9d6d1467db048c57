package io.progimage.images.api;

import io.progimage.images.boundary.Bulks;
import io.progimage.oauth.api.Authenticated;
import io.progimage.platform.api.ApiError;
import io.progimage.platform.boundary.DomainException;
import io.progimage.webhooks.boundary.Webhooks;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's bulk uploads (issue 14 §4): one bulk with its items' states and its webhook's
 * delivery. Bearer authentication and the per-user rate limit apply, as on every /user path.
 */
@Authenticated
@Path("user/bulks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "images")
@SecurityRequirement(name = "oauth2", scopes = "api")
@SecurityRequirement(name = "bearer")
public class BulksResource {

    @Inject
    Bulks bulks;

    @Inject
    Webhooks webhooks;

    @Inject
    PublicUrls publicUrls;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Path("{id}")
    @Operation(operationId = "getBulk", summary = "One of the caller's bulk uploads",
            description = "The bulk named by the 202's `bulk_id`: its items in request order with their states, their"
                    + " counts, and, when it was given a `callback_url`, its webhook's delivery with every attempt"
                    + " (time, duration, the receiver's status or why there was none).")
    @APIResponse(responseCode = "200", description = "The bulk",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkView.One.class),
                    examples = @ExampleObject(name = "delivered", value = BulkExamples.BULK)))
    @APIResponse(responseCode = "404", description = "No such bulk: an unknown id and another user's get the same answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public BulkView.One one(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        Bulks.Found found = bulks.find(security.getUserPrincipal().getName(), id)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "no such bulk"));
        return new BulkView.One(BulkView.of(found, webhooks.of(found.bulk().id()), publicUrls.of(uri)));
    }
}
