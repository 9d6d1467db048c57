package io.progimage.platform.api;

import io.progimage.platform.boundary.DomainException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.WebApplicationException;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a JSON object body strictly, with one rule at every depth: malformed JSON, anything but
 * an object, or nesting deeper than {@value #MAX_DEPTH} levels is a 400; a key given twice in any
 * object is a 422 naming its path (a parser would silently keep one of them, and which one the
 * client meant is anyone's guess). No body of the API nests more than four levels, and the
 * depth is checked before a level is built, so a hostile body costs no recursion beyond it.
 */
public final class JsonBody {

    static final int MAX_DEPTH = 16;

    private JsonBody() {
    }

    public static JsonObject parse(String body) {
        try (JsonParser parser = Json.createParser(new StringReader(body == null ? "" : body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw badRequest();
            }
            JsonObject object = object(parser, "", 1);
            if (parser.hasNext()) {
                throw badRequest();
            }
            return object;
        } catch (WebApplicationException | DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException, and whatever else the parser throws on hostile text (its own depth
            // limit, number forms): all of them are a body we cannot read, never our bug
            throw badRequest();
        }
    }

    private static JsonObject object(JsonParser parser, String path, int depth) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        Set<String> seen = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            String field = path.isEmpty() ? key : path + "." + key;
            if (!seen.add(key)) {
                throw DomainException.invalid(field, "is given more than once");
            }
            object.add(key, value(parser, parser.next(), field, depth));
        }
        return object.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, String path, int depth) {
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
            if (depth >= MAX_DEPTH) {
                throw badRequest();
            }
            return event == JsonParser.Event.START_OBJECT ? object(parser, path, depth + 1) : array(parser, path, depth + 1);
        }
        return parser.getValue();
    }

    private static JsonValue array(JsonParser parser, String path, int depth) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        int index = 0;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, path + "[" + index++ + "]", depth));
        }
        return array.build();
    }

    private static WebApplicationException badRequest() {
        return new WebApplicationException(400);
    }
}
