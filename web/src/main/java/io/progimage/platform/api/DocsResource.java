package io.progimage.platform.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;
import java.util.Map;

/**
 * The interactive documentation at {@code /docs}: Swagger UI (unpacked into the WAR at build time
 * from its webjar, web/pom.xml, so nothing comes from a CDN) over {@code /openapi}. Only the files
 * listed here are served; none needs a token and none is rate-limited, like the document itself.
 */
@Path("docs")
public class DocsResource {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "initializer.js", "text/javascript; charset=UTF-8",
            "swagger-ui.css", "text/css; charset=UTF-8",
            "index.css", "text/css; charset=UTF-8",
            "swagger-ui-bundle.js", "text/javascript; charset=UTF-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=UTF-8",
            "oauth2-redirect.html", "text/html; charset=UTF-8",
            "oauth2-redirect.js", "text/javascript; charset=UTF-8",
            "favicon-32x32.png", "image/png");

    @GET
    @Operation(hidden = true)
    public Response index() {
        return file("index.html");
    }

    @GET
    @Path("{file}")
    @Operation(hidden = true)
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        InputStream content = type == null ? null : DocsResource.class.getResourceAsStream("/docs/" + name);
        if (content == null) {
            throw new NotFoundException();
        }
        return Response.ok(content, type).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
