package io.progimage.platform.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * How a request record's parameter arrives: as the text the client sent, so that a wrong type
 * is a validation error that names the field (422, API.md §1) rather than a body JSON-B cannot
 * read (400 without a field). {@link Strings} takes JSON strings only, {@link Numbers} JSON numbers
 * and decimal strings, as the reference's example sends them; anything else becomes
 * {@link #WRONG_TYPE}, which the constraints ({@link Text}, {@link WholeNumber}) refuse.
 */
public final class WireText {

    /** Not a text a client can send inside a JSON string: a NUL alone. */
    public static final String WRONG_TYPE = "\u0000";

    private WireText() {
    }

    /** A string parameter's text: the string, null when absent or JSON null ("not given"), else {@link #WRONG_TYPE}. */
    public static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : WRONG_TYPE;
    }

    public static final class Strings implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return text(parser.getValue());
        }
    }

    public static final class Numbers implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString string) {
                return string.getString();
            }
            if (value instanceof JsonNumber number) {
                // 90.0 and 9e1 are the integer 90; 1.5 stays 1.5, which WholeNumber refuses
                return number.bigDecimalValue().stripTrailingZeros().toPlainString();
            }
            return WRONG_TYPE;
        }
    }
}
