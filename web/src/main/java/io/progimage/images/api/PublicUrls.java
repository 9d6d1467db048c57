package io.progimage.images.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The absolute base URLs of image links (API.md §5.1): {@code progimage.public-url} and
 * {@code progimage.public-secure-url} when set (production, behind a proxy or CDN); otherwise
 * the request's own scheme, host and port, and the same host with https on this node's HTTPS port.
 */
@ApplicationScoped
public class PublicUrls {

    @Inject
    @ConfigProperty(name = "progimage.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "progimage.public-secure-url")
    Optional<String> publicSecureUrl;

    @Inject
    @ConfigProperty(name = "progimage.https.port", defaultValue = "8181")
    int httpsPort;

    public record Bases(String http, String https) {
    }

    public Bases of(UriInfo uri) {
        URI base = uri.getBaseUri();
        String http = publicUrl.map(PublicUrls::trimSlash)
                .orElseGet(() -> base.getScheme() + "://" + base.getRawAuthority());
        String https = publicSecureUrl.map(PublicUrls::trimSlash)
                .orElseGet(() -> "https://" + hostOf(base) + (httpsPort == 443 ? "" : ":" + httpsPort));
        return new Bases(http, https);
    }

    private static String hostOf(URI base) {
        String host = base.getHost();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
