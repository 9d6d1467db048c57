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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.progimage.platform.api.ApiError;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.File;
import java.nio.file.Files;

/**
 * The stored JPEGs (API.md §5.5), without authentication: the names are unguessable. Only a
 * ready image's own three files are served (never the original upload, never a pending item's
 * half-made set). Files never change under their name, hence a strong ETag from the name and
 * size and a year of immutable caching. HEAD is answered from the same method by JAX-RS.
 */
@Path("uploads/image/file/{id}/{name}")
@Tag(name = "files")
public class FilesResource {

    private static final String FOREVER = "public, max-age=31536000, immutable";

    @Inject
    Images images;

    @Inject
    Storage storage;

    @GET
    @Operation(operationId = "getImageFile", summary = "An image's stored JPEG",
            description = "The processed image, its thumbnail (`thumb_` name) or its mini (`mini_`), as linked from the"
                    + " image objects. No authentication: the names are unguessable.")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The file; it never changes under its name",
            headers = {@Header(name = HttpHeaders.ETAG, description = "Strong", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, schema = @Schema(type = SchemaType.STRING,
                            enumeration = FOREVER)),
                    @Header(name = HttpHeaders.CONTENT_LENGTH, schema = @Schema(type = SchemaType.INTEGER))},
            content = @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "If-None-Match matched",
            headers = @Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)))
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
        java.nio.file.Path file = storage.path(image.id(), name);
        if (!Files.isRegularFile(file)) {
            throw notFound();
        }
        long size = Files.size(file);
        String tag = "\"" + name.replace(".jpg", "") + "-" + size + "\"";
        if (matches(ifNoneMatch, tag)) {
            return Response.notModified().header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, FOREVER).build();
        }
        File entity = file.toFile();
        return Response.ok(entity, "image/jpeg").header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, FOREVER)
                .header(HttpHeaders.CONTENT_LENGTH, size).build();
    }

    /** HEAD, the same answer without the bytes (JAX-RS would answer it from GET; declared so the document has it). */
    @HEAD
    @Operation(operationId = "headImageFile", summary = "The headers of an image's stored JPEG")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "The headers GET would send",
            headers = {@Header(name = HttpHeaders.ETAG, schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = HttpHeaders.CACHE_CONTROL, schema = @Schema(type = SchemaType.STRING, enumeration = FOREVER)),
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
