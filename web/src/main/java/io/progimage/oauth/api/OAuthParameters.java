package io.progimage.oauth.api;

import io.progimage.platform.api.JsonBody;
import io.progimage.platform.boundary.DomainException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a token or revocation request, read alike from a form (RFC 6749 §3.2) or
 * from the reference's JSON: only the names the endpoint knows, each at most once, an empty
 * value counting as absent, anything else ignored (all three RFC 6749 §3.2).
 */
final class OAuthParameters {

    private OAuthParameters() {
    }

    static Map<String, String> fromForm(MultivaluedMap<String, String> form, List<String> names) throws OAuthRefusal {
        Map<String, String> parameters = new HashMap<>();
        for (String name : names) {
            List<String> values = form.get(name);
            if (values != null && values.size() > 1) {
                throw new OAuthRefusal("invalid_request", name + " is given more than once", false);
            }
            if (values != null && !values.get(0).isEmpty()) { // RFC 6749 §3.2: empty means omitted
                parameters.put(name, values.get(0));
            }
        }
        return parameters;
    }

    static Map<String, String> fromJson(String body, List<String> names) throws OAuthRefusal {
        JsonObject json;
        try {
            json = JsonBody.parse(body);
        } catch (DomainException duplicateKey) {
            throw new OAuthRefusal("invalid_request", duplicateKey.details().get(0).field() + " is given more than once", false);
        } catch (WebApplicationException malformed) {
            throw new OAuthRefusal("invalid_request", "the body is not a JSON object", false);
        }
        Map<String, String> parameters = new HashMap<>();
        for (String name : names) {
            JsonValue value = json.get(name);
            if (value == null || value == JsonValue.NULL) {
                continue;
            }
            if (!(value instanceof JsonString string)) {
                throw new OAuthRefusal("invalid_request", name + " must be a string", false);
            }
            if (!string.getString().isEmpty()) {
                parameters.put(name, string.getString());
            }
        }
        return parameters;
    }
}
