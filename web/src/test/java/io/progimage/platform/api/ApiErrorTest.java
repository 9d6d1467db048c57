package io.progimage.platform.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiErrorTest {

    @Test
    void theBodyHasTheContractsShape() {
        ApiError error = new ApiError(422, "invalid_request", "quality must be between 0 and 100",
                List.of(new ApiError.FieldError("process[1].quality", "must be between 0 and 100")));
        assertEquals("{\"error\":{\"code\":\"invalid_request\",\"message\":\"quality must be between 0 and 100\","
                + "\"details\":[{\"field\":\"process[1].quality\",\"message\":\"must be between 0 and 100\"}]}}", error.toJsonText());
        assertFalse(ApiError.forStatus(404).toJsonText().contains("details"));
    }

    @Test
    void statusesMapToTheContractsCodes() {
        assertEquals("bad_request", ApiError.codeFor(400));
        assertEquals("bad_credentials", ApiError.codeFor(401));
        assertEquals("not_found", ApiError.codeFor(404));
        assertEquals("method_not_allowed", ApiError.codeFor(405));
        assertEquals("payload_too_large", ApiError.codeFor(413));
        assertEquals("unsupported_media_type", ApiError.codeFor(415));
        assertEquals("rate_limit_exceeded", ApiError.codeFor(429));
        assertEquals("internal_error", ApiError.codeFor(500));
        assertEquals("service_unavailable", ApiError.codeFor(503));
    }

    @Test
    void anInternalErrorQuotesOnlyACorrelationId() {
        ApiError error = ApiError.internal(new IllegalStateException("SELECT * FROM users at /secret/path"));
        assertEquals(500, error.status());
        assertTrue(error.message().matches("unexpected error \\(correlation id [0-9a-f-]{36}\\)"), error.message());
    }
}
