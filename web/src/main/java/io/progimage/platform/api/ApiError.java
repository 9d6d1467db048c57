package io.progimage.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The contract's error body (API.md §1): {@code {"error": {"code", "message", "details"?}}}.
 * Messages are written here or by domain code for humans; nothing from an exception's
 * own text reaches a client, so no class name, SQL or path can leak.
 */
public record ApiError(int status, String code, String message, List<FieldError> details) {

    @Schema(name = "FieldError")
    public record FieldError(@Schema(required = true, example = "process[1].quality") String field,
                             @Schema(required = true, example = "must be between 0 and 100") String message) {
    }

    /** The body on the wire: {@code {"error": {...}}}. */
    @Schema(name = "Error", description = "The error body of every error except the token endpoint's (API.md §1)")
    public record Body(@Schema(required = true) Detail error) {
    }

    @Schema(name = "ErrorDetail")
    @JsonbPropertyOrder({"code", "message", "details"})
    public record Detail(
            @Schema(required = true, example = "invalid_request", enumeration = {"bad_request", "bad_credentials", "not_found",
                    "method_not_allowed", "not_acceptable", "conflict", "payload_too_large", "unsupported_media_type",
                    "invalid_request", "rate_limit_exceeded", "internal_error", "service_unavailable"}) String code,
            @Schema(required = true, example = "quality must be between 0 and 100",
                    description = "For humans; never a stack trace, SQL, a path or a class name") String message,
            @Schema(description = "Present for validation failures: one entry per invalid parameter") List<FieldError> details) {
    }


    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(400, "bad_request"),
            Map.entry(401, "bad_credentials"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(406, "not_acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload_too_large"),
            Map.entry(415, "unsupported_media_type"),
            Map.entry(422, "invalid_request"),
            Map.entry(429, "rate_limit_exceeded"),
            Map.entry(503, "service_unavailable"));

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(400, "the request could not be read"),
            Map.entry(401, "missing or invalid credentials"),
            Map.entry(404, "no such resource"),
            Map.entry(405, "method not allowed on this resource"),
            Map.entry(406, "no acceptable representation"),
            Map.entry(409, "conflict with the current state"),
            Map.entry(413, "request body too large"),
            Map.entry(415, "content type not supported by this endpoint"),
            Map.entry(422, "invalid request"),
            Map.entry(429, "rate limit exceeded"),
            Map.entry(503, "a dependency is unavailable, try again later"));

    public static ApiError of(int status, String message) {
        return new ApiError(status, codeFor(status), message, List.of());
    }

    /** The generic error for a status, for errors that carry no domain message. */
    public static ApiError forStatus(int status) {
        return of(status, MESSAGES.getOrDefault(status, status >= 500 ? "internal error" : "request failed"));
    }

    /**
     * A 500 for something unexpected: the log gets a correlation id with the whole exception,
     * the client only the id, which support can search the log for.
     */
    public static ApiError internal(Throwable exception) {
        String correlationId = UUID.randomUUID().toString();
        Logger.getLogger(ApiError.class.getName()).log(Level.SEVERE, "internal error, correlation id " + correlationId, exception);
        return of(500, "unexpected error (correlation id " + correlationId + ")");
    }

    public static String codeFor(int status) {
        String code = CODES.get(status);
        if (code != null) {
            return code;
        }
        return status >= 500 ? "internal_error" : "bad_request";
    }

    /** Only the container's error pages need one; made on first use, where the JSON-B provider is. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    public Body body() {
        return new Body(new Detail(code, message, details.isEmpty() ? null : details));
    }

    /** The body as JSON text, for the places outside JAX-RS (the servlet container's error pages). */
    public String toJsonText() {
        return Binding.JSONB.toJson(body());
    }

    /** The response, with the challenge every 401 carries (API.md §1). */
    public Response.ResponseBuilder toResponse() {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body());
        if (status == 401) {
            response.header("WWW-Authenticate", BEARER_CHALLENGE);
        }
        return response;
    }

    public static final String BEARER_CHALLENGE = "Bearer realm=\"progimage\"";
}
