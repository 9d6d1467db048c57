package io.progimage.oauth.api;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The reading both OAuth endpoints share (RFC 6749 §3.2), form and JSON alike. */
class OAuthParametersTest {

    private static final List<String> NAMES = List.of("client_id", "token", "token_type_hint");

    @Test
    void aFormKeepsKnownNamesDropsEmptyValuesAndIgnoresTheRest() throws OAuthRefusal {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("client_id", "abc");
        form.add("token", "");
        form.add("token_type_hint", "refresh_token");
        form.add("something_else", "x");
        assertEquals(Map.of("client_id", "abc", "token_type_hint", "refresh_token"), OAuthParameters.fromForm(form, NAMES));
    }

    @Test
    void aFormParameterGivenTwiceIsInvalidRequest() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("token", "a");
        form.add("token", "b");
        OAuthRefusal refusal = assertThrows(OAuthRefusal.class, () -> OAuthParameters.fromForm(form, NAMES));
        assertEquals("invalid_request", refusal.error());
        assertEquals("token is given more than once", refusal.description());
    }

    @Test
    void jsonIsReadByTheSameRules() throws OAuthRefusal {
        assertEquals(Map.of("client_id", "abc"),
                OAuthParameters.fromJson("{\"client_id\":\"abc\",\"token\":\"\",\"token_type_hint\":null,\"other\":1}", NAMES));
        OAuthRefusal twice = assertThrows(OAuthRefusal.class, () -> OAuthParameters.fromJson("{\"token\":\"a\",\"token\":\"b\"}", NAMES));
        assertEquals("invalid_request", twice.error());
        assertEquals("token is given more than once", twice.description());
        OAuthRefusal number = assertThrows(OAuthRefusal.class, () -> OAuthParameters.fromJson("{\"token\":7}", NAMES));
        assertEquals("invalid_request", number.error());
        assertEquals("token must be a string", number.description());
    }
}
