package io.progimage.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All paths are at the server root (API.md: {@code /oauth/...}, {@code /user/...}). */
@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "ProgImage", version = "1",
        description = "Image upload and processing API: OAuth 2.0 sign-in, uploads, processed images, thumbnails and minis."))
public class ProgImageApplication extends Application {
}
