package io.progimage.images.api;

import io.progimage.images.boundary.Images;
import io.progimage.images.entity.Image;
import io.progimage.platform.boundary.DomainException;
import io.progimage.storage.boundary.Storage;
import io.progimage.storage.control.FileStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.File;
import java.nio.file.Files;

/**
 * The stored JPEGs (API.md §5.5), without authentication: the names are unguessable. Only a
 * ready image's own three files are served (never the original upload, never a pending item's
 * half-made set). Files never change under their name, hence a strong ETag from the name and
 * size and a year of immutable caching. HEAD is answered from the same method by JAX-RS.
 */
@Path("uploads/image/file/{id}/{name}")
public class FilesResource {

    private static final String FOREVER = "public, max-age=31536000, immutable";

    @Inject
    Images images;

    @Inject
    Storage storage;

    @GET
    public Response file(@PathParam("id") String id, @PathParam("name") String name,
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
