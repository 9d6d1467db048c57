package io.progimage.oauth.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerAuthenticationTest {

    @Test
    void aTokenInTheQueryStringIsNoticedInAnyEncoding() {
        assertTrue(BearerAuthentication.hasQueryToken("access_token=abc"));
        assertTrue(BearerAuthentication.hasQueryToken("limit=1&access_token="));
        assertTrue(BearerAuthentication.hasQueryToken("access%5Ftoken=abc"));
        assertFalse(BearerAuthentication.hasQueryToken("my_access_token=abc"));
        assertFalse(BearerAuthentication.hasQueryToken("%zz=1"));
        assertFalse(BearerAuthentication.hasQueryToken(null));
    }
}
