package io.progimage.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user id and password of an {@code Authorization: Basic} header (RFC 7617). */
public record BasicCredentials(String id, String secret) {

    public static Optional<BasicCredentials> from(String authorization) {
        if (authorization == null || authorization.length() > 4096
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
