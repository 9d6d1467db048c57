package io.progimage.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * All paths are at the server root (API.md: {@code /oauth/...}, {@code /user/...}). The OpenAPI
 * document at {@code /openapi} is built from the annotations here and on the resources and
 * records; {@link ApiDocument} adds what every operation shares (error answers, rate-limit headers).
 */
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "ProgImage", version = "1",
                description = "Image upload and processing API: sign users in with OAuth 2.0 (authorization code, PKCE),"
                        + " upload images (base64, a remote URL, an existing image, or multipart) and get processed images,"
                        + " thumbnails and minis back: rotated, recompressed, filtered, with rounded corners. Bulk uploads are"
                        + " processed through a queue. Every user is held to 20 requests in any 5 seconds across the cluster.",
                // no licence has been chosen for the product yet: until one is, nothing is granted
                license = @License(name = "No licence granted (all rights reserved)", url = "https://choosealicense.com/no-permission/")),
        tags = {
                @Tag(name = "accounts", description = "Sign up and read the signed-in user"),
                @Tag(name = "oauth", description = "Register applications and sign users in (authorization code with PKCE)"),
                @Tag(name = "images", description = "Upload, list, read and delete the signed-in user's images"),
                @Tag(name = "files", description = "The stored JPEGs the image links point to")},
        components = @Components(securitySchemes = {
                @SecurityScheme(securitySchemeName = "oauth2", type = SecuritySchemeType.OAUTH2,
                        description = "The authorization-code flow; send `code_challenge` (PKCE, S256) with it",
                        flows = @OAuthFlows(authorizationCode = @OAuthFlow(authorizationUrl = "/oauth/authorize",
                                tokenUrl = "/oauth/token", scopes = @OAuthScope(name = "api", description = "The whole API")))),
                @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                        description = "An access token from POST /oauth/token, in `Authorization: Bearer`"),
                @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                        description = "Registering an application: the user's e-mail and password. The token and revocation"
                                + " endpoints: the client_id and client_secret (or both in the body instead)")}))
public class ProgImageApplication extends Application {
}
