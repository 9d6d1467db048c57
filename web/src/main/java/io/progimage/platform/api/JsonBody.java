package io.progimage.platform.api;

import io.progimage.platform.boundary.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.WebApplicationException;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a JSON object body strictly: malformed JSON or anything but an object is a 400; a key
 * given twice is a 422 (a parser would silently keep one of them, and which one the client
 * meant is anyone's guess).
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonObject parse(String body) {
        try (JsonParser parser = Json.createParser(new StringReader(body == null ? "" : body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw badRequest();
            }
            JsonObjectBuilder object = Json.createObjectBuilder();
            Set<String> seen = new HashSet<>();
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    if (parser.hasNext()) {
                        throw badRequest();
                    }
                    return object.build();
                }
                String key = parser.getString();
                if (!seen.add(key)) {
                    throw DomainException.invalid(key, "is given more than once");
                }
                parser.next();
                object.add(key, parser.getValue());
            }
            throw badRequest();
        } catch (JsonException e) {
            throw badRequest();
        }
    }

    /** A string member, or null when absent or JSON null; any other type is a 422 naming the field. */
    public static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw DomainException.invalid(name, "must be a string");
    }

    private static WebApplicationException badRequest() {
        return new WebApplicationException(400);
    }
}
