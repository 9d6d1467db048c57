package io.progimage.images.api;

import io.progimage.images.boundary.Images;
import io.progimage.images.entity.Image;
import io.progimage.platform.boundary.DomainException;
import io.progimage.storage.boundary.Storage;
import io.progimage.storage.control.FileStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import io.progimage.imaging.control.Encoding;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.progimage.platform.api.ApiError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The stored files (API.md §5.5), without authentication: the names are unguessable. Only a
 * ready image's own files are served (never the original upload, never a pending item's
 * half-made set). Files never change under their name, hence a strong ETag from the stored
 * file's name and size and a year of immutable caching. The bare names of an {@code auto}
 * image are negotiated: JPEG or WebP by the Accept header, with {@code Vary: Accept} and each
 * representation's own tag, so caches keep both apart.
 */
@Path("uploads/image/file/{id}/{name}")
@Tag(name = "files")
public class FilesResource {

    private static final String FOREVER = "public, max-age=31536000, immutable";

    @Inject
    Images images;

    @Inject
    Storage storage;

    @Context
    Request request;

    @GET
    @Operation(operationId = "getImageFile", summary = "An image's stored file",
            description = "The processed image, its thumbnail (`thumb_` name) or its mini (`mini_`), as linked from the"
                    + " image objects. No authentication: the names are unguessable. The links of an image uploaded with"
                    + " `format: auto` have no extension and serve WebP when the `Accept` header prefers `image/webp`"
                    + " (a browser's does), JPEG otherwise or without one; `.jpg` and `.webp` appended name each file"
                    + " without negotiation.")
    @SecurityRequirementsSet
    @Parameter(name = HttpHeaders.ACCEPT, in = ParameterIn.HEADER, example = "image/webp,image/*;q=0.8",
            description = "Chooses between JPEG and WebP for the bare names of an `auto` image; ignored otherwise",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The file; it never changes under its name",
            headers = {@Header(name = HttpHeaders.ETAG, description = "Strong, one per stored file (so per representation"
                    + " of a negotiated name)", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, schema = @Schema(type = SchemaType.STRING,
                            enumeration = FOREVER)),
                    @Header(name = HttpHeaders.VARY, description = "`Accept`, on the negotiated names of an `auto` image",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CONTENT_LENGTH, schema = @Schema(type = SchemaType.INTEGER))},
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "If-None-Match matched the representation that would be sent",
            headers = {@Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.VARY, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such file",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.Body.class)))
    public Response file(@Parameter(description = "The image's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                         @PathParam("id") String id,
                         @Parameter(description = "The file name from the image's links", example = "thumb_cat.jpg")
                         @PathParam("name") String name,
                         @Parameter(description = "A tag from an earlier ETag, or *")
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws java.io.IOException {
        if (!FileStore.isValid(id, name) || name.equals("original")) {
            throw notFound();
        }
        Image image = images.readyWithFile(id, name).orElseThrow(FilesResource::notFound);
        Map<String, String> representations = image.representations(name);
        boolean negotiated = image.isNegotiated(name);
        String format = negotiated ? preferred(representations.keySet()) : representations.keySet().iterator().next();
        String stored = representations.get(format);
        java.nio.file.Path file = storage.path(image.id(), stored);
        if (!Files.isRegularFile(file)) {
            throw notFound();
        }
        long size = Files.size(file);
        // per stored file: a negotiated name's JPEG and WebP have different tags (.jpg's is the seed's)
        String tag = "\"" + stored.replace(".jpg", "") + "-" + size + "\"";
        Response.ResponseBuilder answer = matches(ifNoneMatch, tag) ? Response.notModified()
                : Response.ok(file.toFile(), Encoding.fromWireName(format).mediaType()).header(HttpHeaders.CONTENT_LENGTH, size);
        if (negotiated) {
            answer.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        return answer.header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, FOREVER).build();
    }

    /**
     * The encoding the request's Accept header prefers among {@code formats} (JPEG first), by
     * JAX-RS's variant selection: the most preferred acceptable range decides, so a browser's
     * {@code image/webp,image/*,*}{@code /*;q=0.8} gets WebP, while no header, {@code *}{@code /*}, or an
     * unacceptable or malformed header gets JPEG (the first), which every client can show.
     */
    private String preferred(Collection<String> formats) {
        List<Variant> variants = formats.stream()
                .map(f -> new Variant(MediaType.valueOf(Encoding.fromWireName(f).mediaType()), (String) null, null)).toList();
        try {
            Variant chosen = request.selectVariant(variants);
            if (chosen != null) {
                String type = chosen.getMediaType().getType() + "/" + chosen.getMediaType().getSubtype();
                return formats.stream().filter(f -> Encoding.fromWireName(f).mediaType().equals(type)).findFirst().orElseThrow();
            }
        } catch (RuntimeException malformed) {
            // an Accept header JAX-RS cannot parse: answered as if absent
        }
        return formats.iterator().next();
    }

    /** HEAD, the same answer without the bytes (JAX-RS would answer it from GET; declared so the document has it). */
    @HEAD
    @Operation(operationId = "headImageFile", summary = "The headers of an image's stored file")
    @SecurityRequirementsSet
    @Parameter(name = HttpHeaders.ACCEPT, in = ParameterIn.HEADER, description = "As for GET",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The headers GET would send",
            headers = {@Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, schema = @Schema(type = SchemaType.STRING, enumeration = FOREVER)),
                    @Header(name = HttpHeaders.VARY, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CONTENT_LENGTH, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "304", description = "If-None-Match matched")
    @APIResponse(responseCode = "404", description = "No such file")
    public Response head(@Parameter(description = "The image's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                         @PathParam("id") String id,
                         @Parameter(description = "The file name from the image's links") @PathParam("name") String name,
                         @Parameter(description = "A tag from an earlier ETag, or *")
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) throws java.io.IOException {
        return file(id, name, ifNoneMatch);
    }

    /**
     * RFC 9110 §13.1.2: {@code *} or any listed tag, compared weakly. Parsed leniently by hand: a
     * malformed header just does not match (JAX-RS's parser would turn it into a 400).
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static DomainException notFound() {
        return new DomainException(DomainException.Kind.NOT_FOUND, "no such file");
    }
}
