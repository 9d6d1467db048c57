package io.progimage.platform.api;

import io.progimage.platform.boundary.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A business refusal becomes the contract's error (API.md §1) with its status, code and details. */
@Provider
public class DomainErrorMapper implements ExceptionMapper<DomainException> {

    /**
     * A saturated node (BUSY) frees a permit within about one password hash (~1 s), so a client
     * that retries after this finds one, unless the node is still flooded.
     */
    public static final String BUSY_RETRY_AFTER_SECONDS = "1";

    @Override
    public Response toResponse(DomainException exception) {
        int status = switch (exception.kind()) {
            case INVALID -> 422;
            case BAD_CREDENTIALS -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE, BUSY -> 503;
        };
        ApiError error = new ApiError(status, ApiError.codeFor(status), exception.getMessage(),
                exception.details().stream().map(d -> new ApiError.FieldError(d.field(), d.message())).toList());
        Response.ResponseBuilder response = error.toResponse();
        if (exception.kind() == DomainException.Kind.BUSY) {
            response.header("Retry-After", BUSY_RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

}
