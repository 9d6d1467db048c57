package io.progimage.platform.api;

import io.progimage.platform.boundary.DomainException;
import io.progimage.platform.boundary.DomainException.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies as records: JSON-B binds the strictly read JSON ({@link JsonBody}) into the
 * record, Bean Validation checks its constraints, and every violation is named as the client
 * wrote it, from the violation's own path: the prefix ({@code process[3]}), then the wire name of
 * the record component ({@code thumb_w}, from its {@code @JsonbProperty}). One message per
 * field, in the record's order; the most basic one when several apply ({@link #priority}).
 */
public final class RequestRules {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private RequestRules() {
    }

    /** The body read strictly and bound; any violation is a 422 naming its field. */
    public static <R extends Record> R read(String body, Class<R> type) {
        R request = bind(JsonBody.parse(body), type);
        List<FieldError> errors = violations(request, "");
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return request;
    }

    public static <R extends Record> R bind(JsonObject json, Class<R> type) {
        return JSONB.fromJson(json.toString(), type);
    }

    /** The violations of {@code request}, each named {@code prefix.wire_name} (or just the wire name without a prefix). */
    public static List<FieldError> violations(Record request, String prefix) {
        List<String> order = new ArrayList<>();
        Map<String, String> wireNames = new LinkedHashMap<>();
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            JsonbProperty wire = component.getAccessor().getAnnotation(JsonbProperty.class);
            order.add(component.getName());
            wireNames.put(component.getName(), wire == null ? component.getName() : wire.value());
        }
        Map<String, String> messages = new LinkedHashMap<>();
        VALIDATOR.validate(request).stream()
                .sorted(Comparator.<ConstraintViolation<Record>>comparingInt(v -> order.indexOf(v.getPropertyPath().toString()))
                        .thenComparing(v -> priority(v.getConstraintDescriptor().getAnnotation())))
                .forEach(v -> messages.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        List<FieldError> errors = new ArrayList<>();
        messages.forEach((component, message) -> errors.add(new FieldError(
                (prefix.isEmpty() ? "" : prefix + ".") + wireNames.get(component), message)));
        return errors;
    }

    /** Of several violations of one field the most basic speaks: the wrong type, then the missing value. */
    private static int priority(java.lang.annotation.Annotation constraint) {
        return constraint instanceof Text ? 0 : constraint instanceof Required ? 1 : 2;
    }
}
