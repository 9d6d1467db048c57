package io.progimage.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors raised by JAX-RS itself (no matching path 404, wrong method 405, unsupported
 * Content-Type 415, ...) get the contract's body; the headers JAX-RS set (such as
 * {@code Allow} on a 405) are kept.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return UnexpectedErrorMapper.internalError(exception);
        }
        Response.ResponseBuilder response = ApiError.forStatus(status).toResponse();
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
