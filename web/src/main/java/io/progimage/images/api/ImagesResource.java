package io.progimage.images.api;

import io.progimage.images.boundary.BulkUploads;
import io.progimage.images.boundary.ImageRequest;
import io.progimage.images.boundary.Images;
import io.progimage.images.boundary.Uploads;
import io.progimage.images.entity.Image;
import io.progimage.platform.api.JsonBody;
import io.progimage.platform.boundary.DomainException;
import io.progimage.oauth.api.Authenticated;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The caller's images (API.md §5.2-§5.4, and DELETE); bearer authentication has run for every path here. */
@Authenticated
@Path("user/images")
@Produces(MediaType.APPLICATION_JSON)
public class ImagesResource {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    @Inject
    Uploads uploads;

    @Inject
    Images images;

    @Inject
    BulkUploads bulkUploads;

    @Inject
    @ConfigProperty(name = "progimage.bulk.max-items", defaultValue = "100")
    int maxBulkItems;

    @Inject
    PublicUrls publicUrls;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upload(String body) {
        JsonObject json = JsonBody.parse(body);
        JsonValue process = json.get("process");
        if (process instanceof JsonArray items) {
            return bulk(items);
        }
        if (process == null || process.getValueType() != JsonValue.ValueType.OBJECT) {
            throw DomainException.invalid("process", "must be an image hash (an object) or a list of them");
        }
        return created(uploads.upload(userId(), ImageHashes.read(process, "process", null), "process"));
    }

    /** Form 2: every item validated first; one invalid item and nothing is stored or queued. */
    private Response bulk(JsonArray items) {
        if (items.isEmpty() || items.size() > maxBulkItems) {
            throw DomainException.invalid("process", "must hold 1 to " + maxBulkItems + " items");
        }
        List<DomainException.FieldError> errors = new ArrayList<>();
        List<ImageRequest> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            requests.add(ImageHashes.readCollecting(items.get(i), "process[" + i + "]", null, errors));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        PublicUrls.Bases bases = publicUrls.of(uri);
        JsonArrayBuilder data = Json.createArrayBuilder();
        bulkUploads.queue(userId(), requests).forEach(image -> data.add(ImageViews.flat(image, bases)));
        return Response.accepted(Json.createObjectBuilder().add("data", data).build().toString()).build();
    }

    /** Form 3: a binary part {@code file} and text parts named like the hash's parameters. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response uploadMultipart(List<EntityPart> parts) throws IOException {
        JsonObjectBuilder hash = Json.createObjectBuilder();
        byte[] file = null;
        Set<String> seen = new HashSet<>();
        for (EntityPart part : parts) {
            if (!seen.add(part.getName())) {
                throw DomainException.invalid(part.getName(), "is given more than once");
            }
            try (InputStream content = part.getContent()) {
                if (part.getName().equals("file")) {
                    file = content.readAllBytes();
                } else {
                    hash.add(part.getName(), new String(content.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        if (file == null) {
            throw DomainException.invalid("file", "is required (a binary part)");
        }
        return created(uploads.upload(userId(), ImageHashes.read(hash.build(), "process", file), "process"));
    }

    @GET
    public Response list(@QueryParam("offset") String offsetParam, @QueryParam("limit") String limitParam) {
        int offset = bounded("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = bounded("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Images.Page page = images.list(userId(), offset, limit);
        PublicUrls.Bases bases = publicUrls.of(uri);
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.images().forEach(image -> data.add(ImageViews.flat(image, bases)));
        JsonObject body = Json.createObjectBuilder()
                .add("data", data)
                .add("meta", Json.createObjectBuilder().add("offset", offset).add("limit", limit).add("total", page.total()))
                .build();
        Response.ResponseBuilder response = Response.ok(body.toString());
        List<String> links = new ArrayList<>();
        long next = (long) offset + limit; // offset may be Integer.MAX_VALUE: no int sum here
        if (next < page.total()) {
            links.add(link(bases, next, limit, "next"));
        }
        if (offset > 0) {
            links.add(link(bases, Math.max(0, offset - limit), limit, "prev"));
        }
        if (!links.isEmpty()) {
            response.header("Link", String.join(", ", links));
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    public String one(@PathParam("id") String id) {
        Image image = images.find(userId(), id)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "no such image"));
        return Json.createObjectBuilder().add("data", ImageViews.flat(image, publicUrls.of(uri))).build().toString();
    }

    /**
     * Issue 14's addition: 204, or 404 for an unknown id and another user's alike; 409 while
     * pending bulk items still read it as their {@code image_id} source.
     */
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteImage", summary = "Delete one of the caller's images",
            description = "Removes the image's row and, when that commits, its files (image, thumbnail, mini and the"
                    + " kept original): its file URLs answer 404 afterwards. A pending bulk item is cancelled: its"
                    + " queued message is consumed without work. Rate-limited like every /user call.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such image: an unknown id and another user's get the same answer")
    @APIResponse(responseCode = "409", description = "Pending bulk items still have to read this image as their image_id"
            + " source; delete it once they are ready or failed")
    public Response delete(@PathParam("id") String id) {
        images.delete(userId(), id);
        return Response.noContent().build();
    }

    private Response created(Image image) {
        return Response.created(URI.create("/user/images/" + image.id())).entity(ImageViews.single(image).toString()).build();
    }

    private String userId() {
        return security.getUserPrincipal().getName();
    }

    private static String link(PublicUrls.Bases bases, long offset, int limit, String rel) {
        return "<" + bases.http() + "/user/images?offset=" + offset + "&limit=" + limit + ">; rel=\"" + rel + "\"";
    }

    private static int bounded(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // reported below like any other out-of-range value
        }
        throw DomainException.invalid(name, max == Integer.MAX_VALUE ? "must be an integer >= " + min
                : "must be an integer between " + min + " and " + max);
    }
}
