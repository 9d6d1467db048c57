package io.progimage.images.api;

import io.progimage.images.boundary.BulkSettlement;
import io.progimage.images.boundary.BulkUploads;
import io.progimage.images.boundary.ImageRequest;
import io.progimage.images.boundary.Images;
import io.progimage.images.boundary.SourceRefused;
import io.progimage.images.boundary.Uploads;
import io.progimage.images.entity.Image;
import io.progimage.platform.api.JsonBody;
import io.progimage.platform.boundary.DomainException;
import io.progimage.oauth.api.Authenticated;
import io.progimage.oauth.api.Caller;
import io.progimage.platform.api.WireText;
import io.progimage.webhooks.boundary.CallbackRefused;
import io.progimage.webhooks.boundary.Callbacks;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import io.progimage.platform.api.ApiError;
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
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "images")
@SecurityRequirement(name = "oauth2", scopes = "api")
@SecurityRequirement(name = "bearer")
public class ImagesResource {

    static final int DEFAULT_LIMIT = 10;
    static final String CALLBACK_URL = "callback_url";
    static final int MAX_LIMIT = 100;

    @Inject
    Uploads uploads;

    @Inject
    Images images;

    @Inject
    BulkUploads bulkUploads;

    @Inject
    BulkSettlement settlement;

    @Inject
    Callbacks callbacks;

    @Inject
    @ConfigProperty(name = "progimage.bulk.max-items", defaultValue = "100")
    int maxBulkItems;

    @Inject
    PublicUrls publicUrls;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** Form 3: a binary part {@code file} and text parts named like the hash's parameters (documented with form 1). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
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
        return created(upload(ImageHashes.read(hash.build(), "process", file)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadImages", summary = "Upload one image, or many at once",
            description = "Three forms. JSON `{\"process\": {...}}`: one image, processed while you wait, 201."
                    + " JSON `{\"process\": [{...}, ...]}`: 1 to 100 images, validated first (one invalid item and nothing"
                    + " is created), then processed through the queue, 202 with each image pending; poll"
                    + " `GET /user/images/{id}` until it is ready or failed, or give `callback_url` beside `process` to be"
                    + " called once all have settled (the `bulkSettled` callback); `GET /user/bulks/{bulk_id}` shows the"
                    + " whole bulk. `multipart/form-data`: a binary part `file` and"
                    + " the hash's parameters as text parts, like the first form. Processing: decode, EXIF orientation,"
                    + " rotation, filter, round corners, encode at `quality` (JPEG unless `format` asks for WebP, PNG or `auto`); thumbnail and mini from the result.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ImageHash.Single.class, ImageHash.Bulk.class}),
                    examples = {
                            @ExampleObject(name = "single", summary = "One image from a URL, rotated and filtered",
                                    value = "{\"process\": {\"remote_file_url\": \"https://images.example.org/cat.jpg\","
                                            + " \"rotation\": 90, \"filter\": \"gotham\", \"thumb_w\": 320}}"),
                            @ExampleObject(name = "bulk", summary = "Two images through the queue",
                                    value = "{\"process\": [{\"remote_file_url\": \"https://images.example.org/a.jpg\"},"
                                            + " {\"image_id\": \"3f6c0c38-9a52-4c34-8a55-5f1f0c8f5a11\", \"round_corners\": 40}]}")}),
            @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ImageHash.Multipart.class))})
    @APIResponse(responseCode = "201", description = "One image, processed (forms 1 and 3)",
            headers = @Header(name = "Location", description = "/user/images/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadedImage.Answer.class),
                    examples = @ExampleObject(name = "uploaded", value = ImageExamples.UPLOADED)))
    @Callback(name = "bulkSettled", callbackUrlExpression = "{$request.body#/callback_url}", operations = @CallbackOperation(
            method = "post", summary = "Every item of a bulk has settled (the bulk's webhook)",
            description = "Sent once to the bulk's `callback_url` when no item is pending any more, at least once: until an"
                    + " attempt is answered with a 2xx, attempts are retried with back-off (30 s, then twice as long each time,"
                    + " at most 15 min apart; 8 attempts within an hour by default), each cut off after 10 s; redirects are not"
                    + " followed and the answer's body is not read. To check a delivery, compute HMAC-SHA256 keyed with the"
                    + " application's `webhook_secret` over `<t>.<body>` (the raw body bytes), compare it in constant time with"
                    + " `v1`, and refuse a `t` more than 5 minutes from your clock. Drop repeats by `ProgImage-Delivery`.",
            parameters = {
                    @Parameter(name = "ProgImage-Signature", in = ParameterIn.HEADER, required = true,
                            description = "`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">`",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^t=[0-9]+(,v1=[0-9a-f]{64})+$",
                                    example = "t=1764597788,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd")),
                    @Parameter(name = "ProgImage-Delivery", in = ParameterIn.HEADER, required = true,
                            description = "The same on every attempt of one delivery", schema = @Schema(type = SchemaType.STRING, format = "uuid"))},
            requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BulkSettled.class))),
            responses = {
                    @APIResponse(responseCode = "204", description = "Received (any 2xx): the delivery is done"),
                    @APIResponse(responseCode = "400", description = "Any other answer (a 3xx, 4xx or 5xx), or none within 10 s:"
                            + " the attempt failed and a later one follows"),
                    @APIResponse(responseCode = "500", description = "Failed too: a later attempt follows")}))
    @APIResponse(responseCode = "202", description = "The bulk form's images in request order, pending (or already ready),"
            + " and the bulk's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UploadedImage.Answer.class)))
    @APIResponse(responseCode = "422", description = "Invalid parameters, each named in `details` (`process[3].filter`);"
            + " an unreadable or unsupported image; a source over the pixel limit; a remote URL that cannot be fetched"
            + " or is not allowed; a `callback_url` that is not allowed (its form, or a host on a non-public address)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class),
            examples = @ExampleObject(name = "invalid", value = ImageExamples.INVALID)))
    public Response upload(String body) {
        JsonObject json = JsonBody.parse(body);
        JsonValue process = json.get("process");
        if (process instanceof JsonArray items) {
            return bulk(items, json.get(CALLBACK_URL));
        }
        // a callback_url beside a single hash is ignored, as any unknown key was before it existed
        // (API.md: additions keep every seed request working): the 201 itself is the completion
        if (process == null || process.getValueType() != JsonValue.ValueType.OBJECT) {
            throw DomainException.invalid("process", "must be an image hash (an object) or a list of them");
        }
        return created(upload(ImageHashes.read(process, "process", null)));
    }

    /**
     * Form 2: every item validated first; one invalid item and nothing is stored or queued. An
     * optional {@code callback_url} beside {@code process} (issue 14 §4) is called once every item
     * has settled; the answer names the bulk ({@code bulk_id}).
     */
    private Response bulk(JsonArray items, JsonValue callback) {
        if (items.isEmpty() || items.size() > maxBulkItems) {
            throw DomainException.invalid("process", "must hold 1 to " + maxBulkItems + " items");
        }
        List<DomainException.FieldError> errors = new ArrayList<>();
        List<ImageRequest> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            requests.add(ImageHashes.readCollecting(items.get(i), "process[" + i + "]", null, errors));
        }
        String callbackUrl = WireText.text(callback);
        if (callbackUrl != null) { // its form is checked with the items', where its host resolves after them
            String problem = callbackUrl.equals(WireText.WRONG_TYPE) ? "must be a string" : callbacks.formProblem(callbackUrl).orElse(null);
            if (problem != null) {
                errors.add(new DomainException.FieldError(CALLBACK_URL, problem));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        PublicUrls.Bases bases = publicUrls.of(uri);
        BulkUploads.Queued queued;
        try {
            queued = bulkUploads.queue(userId(), requests,
                    new BulkUploads.Options(Caller.of(security).clientId(), callbackUrl, bases.http(), bases.https()));
        } catch (SourceRefused refused) {
            throw named(refused);
        } catch (CallbackRefused refused) {
            throw DomainException.invalid(CALLBACK_URL, refused.reason());
        }
        List<FlatImage> data = queued.images().stream().map(image -> FlatImage.of(image, bases)).toList();
        return Response.accepted(new FlatImage.Bulk(data, queued.bulk().id())).build();
    }

    @GET
    @Operation(operationId = "listImages", summary = "The caller's images, newest first")
    @APIResponse(responseCode = "200", description = "A page of images",
            headers = @Header(name = "Link", description = "RFC 8288 links with rel=\"next\" and rel=\"prev\" where they exist",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlatImage.Page.class),
                    examples = @ExampleObject(name = "page", value = ImageExamples.PAGE)))
    @APIResponse(responseCode = "422", description = "offset below 0, or limit outside 1..100", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public Response list(@Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
                         @QueryParam("offset") String offsetParam,
                         @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
                         @QueryParam("limit") String limitParam) {
        int offset = bounded("offset", offsetParam, 0, 0, Integer.MAX_VALUE);
        int limit = bounded("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Images.Page page = images.list(userId(), offset, limit);
        PublicUrls.Bases bases = publicUrls.of(uri);
        List<FlatImage> data = page.images().stream().map(image -> FlatImage.of(image, bases)).toList();
        Response.ResponseBuilder response = Response.ok(new FlatImage.Page(data, new FlatImage.Meta(offset, limit, page.total())));
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
    @Operation(operationId = "getImage", summary = "One of the caller's images",
            description = "Poll this for a bulk item until its status is ready or failed.")
    @APIResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlatImage.One.class),
                    examples = @ExampleObject(name = "ready", value = ImageExamples.ONE)))
    @APIResponse(responseCode = "404", description = "No such image: an unknown id and another user's get the same answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public FlatImage.One one(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        Image image = images.find(userId(), id)
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "no such image"));
        return new FlatImage.One(FlatImage.of(image, publicUrls.of(uri)));
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
    @APIResponse(responseCode = "404", description = "No such image: an unknown id and another user's get the same answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(responseCode = "409", description = "Pending bulk items still have to read this image as their image_id"
            + " source; delete it once they are ready or failed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public Response delete(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        images.delete(userId(), id).ifPresent(settlement::afterBulk); // its last pending item gone, a bulk is settled
        return Response.noContent().build();
    }

    private Image upload(ImageRequest request) {
        try {
            return uploads.upload(userId(), request);
        } catch (SourceRefused refused) {
            throw named(refused);
        }
    }

    /** The refusal of a source, named as the client wrote it: {@code process.remote_file_url}, {@code process[2].image_id}. */
    private static DomainException named(SourceRefused refused) {
        String item = refused.item() < 0 ? "process" : "process[" + refused.item() + "]";
        String field = switch (refused.source()) {
            case FILE -> "file";
            case REMOTE -> "remote_file_url";
            case IMAGE -> "image_id";
        };
        return DomainException.invalid(item + "." + field, refused.reason());
    }

    private Response created(Image image) {
        return Response.created(URI.create("/user/images/" + image.id())).entity(UploadedImage.of(image)).build();
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
