package io.progimage.platform.api;

import io.progimage.platform.boundary.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A business refusal becomes the contract's error (API.md §1) with its status, code and details. */
@Provider
public class DomainErrorMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        int status = switch (exception.kind()) {
            case INVALID -> 422;
            case BAD_CREDENTIALS -> 401;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
        ApiError error = new ApiError(status, ApiError.codeFor(status), exception.getMessage(),
                exception.details().stream().map(d -> new ApiError.FieldError(d.field(), d.message())).toList());
        return error.toResponse().build();
    }

}
