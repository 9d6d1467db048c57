package io.progimage.platform.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CorsTest {

    @Test
    void requestedHeadersAreAllowedBesideAuthorizationAndContentType() {
        assertEquals("Authorization, Content-Type", Cors.allowedHeaders(null));
        assertEquals("Authorization, Content-Type, X-Custom", Cors.allowedHeaders("authorization, X-Custom, content-type"));
    }

    @Test
    void onlyHeaderNameTokensAreEchoed() {
        assertEquals("Authorization, Content-Type", Cors.allowedHeaders("bad header, <script>, a\u0000b"));
    }
}
