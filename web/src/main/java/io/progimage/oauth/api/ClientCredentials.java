package io.progimage.oauth.api;

import io.progimage.platform.api.BasicCredentials;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The client id and secret a token or revocation request authenticates with (RFC 6749 §2.3):
 * HTTP Basic or {@code client_id} + {@code client_secret} in the body, never both. Whether they
 * are right is the EJB's to decide; {@code basic} says how a 401 must challenge.
 */
record ClientCredentials(String id, String secret, boolean basic) {

    static ClientCredentials from(Map<String, String> parameters, String authorization) throws OAuthRefusal {
        Optional<BasicCredentials> basic = BasicCredentials.from(authorization);
        String clientId = parameters.get("client_id");
        String clientSecret = parameters.get("client_secret");
        if (basic.isPresent()) {
            if (clientSecret != null) { // RFC 6749 §2.3: one client authentication method per request
                throw new OAuthRefusal("invalid_request", "authenticate the client either with HTTP Basic or in the body, not both", false);
            }
            // RFC 6749 §2.3.1: Basic client credentials are form-encoded first
            String basicId;
            try {
                basicId = URLDecoder.decode(basic.get().id(), StandardCharsets.UTF_8);
                clientSecret = URLDecoder.decode(basic.get().secret(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                throw new OAuthRefusal("invalid_client", "malformed HTTP Basic credentials", true);
            }
            if (clientId != null && !clientId.equals(basicId)) {
                throw new OAuthRefusal("invalid_request", "client_id differs from the HTTP Basic user", false);
            }
            clientId = basicId;
        }
        if (clientId == null || clientSecret == null) {
            throw new OAuthRefusal("invalid_client", "client_id and client_secret are required", basic.isPresent());
        }
        return new ClientCredentials(clientId, clientSecret, basic.isPresent());
    }

    /** Never the secret: a record would print it into whatever log shows this. */
    @Override
    public String toString() {
        return "ClientCredentials[id=" + id + ", basic=" + basic + "]";
    }
}
