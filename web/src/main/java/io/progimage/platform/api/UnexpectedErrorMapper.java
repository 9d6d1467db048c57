package io.progimage.platform.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything not mapped elsewhere. A body that is not JSON is the client's fault (400); a body
 * cut off by the size limit is 413; everything else is a 500 whose client-facing message only
 * quotes a correlation id (see {@link ApiError#internal}).
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        // A parser wraps what the body stream threw (e.g. the size limit): look for that first.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
                return new HttpErrorMapper().toResponse(web);
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException || cause instanceof JsonbException) {
                return ApiError.of(400, "malformed JSON body").toResponse().build();
            }
        }
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        return ApiError.internal(exception).toResponse().build();
    }
}
