package io.progimage.platform.api;

import io.progimage.platform.boundary.DomainException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import jakarta.resource.spi.ResourceAllocationException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything not mapped elsewhere. A body that is not JSON is the client's fault (400); a body
 * cut off by the size limit is 413; a database that cannot be reached is 503; everything else is a 500 whose client-facing message only
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
            if (cause instanceof DomainException refusal) { // e.g. thrown by the body stream (BodyMemory)
                return new DomainErrorMapper().toResponse(refusal);
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException || cause instanceof JsonbException) {
                return ApiError.of(400, "malformed JSON body").toResponse().build();
            }
            if (cause instanceof UnsupportedCharsetException || cause instanceof IllegalCharsetNameException) {
                // Content-Type: application/json; charset=bogus: the body cannot be read as text
                return ApiError.of(415, "the body's charset is not supported; send UTF-8").toResponse().build();
            }
            if (isUnavailable(cause)) {
                // the database (or another dependency) cannot be reached: worth retrying later
                Logger.getLogger(UnexpectedErrorMapper.class.getName()).log(Level.WARNING, "dependency unavailable", exception);
                return ApiError.forStatus(503).toResponse().header("Retry-After", "5").build();
            }
        }
        return internalError(exception);
    }

    /**
     * The database (or another dependency) cannot be reached or did not answer in time: the
     * driver's communication failures and timeouts (connect and socket timeouts of the pool's
     * settings), and the pool's refusal when no connection came within its wait.
     */
    static boolean isUnavailable(Throwable cause) {
        return cause instanceof SQLRecoverableException || cause instanceof SQLTransientException
                || cause instanceof SQLNonTransientConnectionException || cause instanceof SocketTimeoutException
                || cause instanceof ConnectException || cause instanceof ResourceAllocationException;
    }

    static Response internalError(Throwable exception) {
        return ApiError.internal(exception).toResponse().build();
    }
}
