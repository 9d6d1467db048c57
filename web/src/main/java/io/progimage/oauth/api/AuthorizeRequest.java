package io.progimage.oauth.api;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of an authorization request (API.md §3.1), from the query string (GET) or the
 * page's hidden inputs (POST). {@code redirect_uri} is the RFC's name for {@code redirect_url}.
 */
record AuthorizeRequest(String clientId, String redirectUrl, String responseType, String state,
                        String codeChallenge, String codeChallengeMethod) {

    static final List<String> NAMES = List.of("client_id", "redirect_url", "redirect_uri", "response_type", "state",
            "code_challenge", "code_challenge_method");
    private static final int MAX_LENGTH = 2000;

    /** Thrown for a request that must not be redirected anywhere (RFC 6749 §4.1.2.1). */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    static AuthorizeRequest from(MultivaluedMap<String, String> parameters) throws Unusable {
        for (String name : NAMES) {
            List<String> values = parameters.get(name);
            if (values != null && values.size() > 1) {
                throw new Unusable("The parameter " + name + " is given more than once.");
            }
            if (values != null && values.get(0).length() > MAX_LENGTH) {
                throw new Unusable("The parameter " + name + " is too long.");
            }
        }
        String redirectUrl = parameters.getFirst("redirect_url");
        String redirectUri = parameters.getFirst("redirect_uri");
        if (redirectUrl != null && redirectUri != null && !redirectUrl.equals(redirectUri)) {
            throw new Unusable("redirect_url and redirect_uri differ.");
        }
        return new AuthorizeRequest(parameters.getFirst("client_id"), redirectUrl != null ? redirectUrl : redirectUri,
                parameters.getFirst("response_type"), parameters.getFirst("state"),
                blankToNull(parameters.getFirst("code_challenge")), blankToNull(parameters.getFirst("code_challenge_method")));
    }

    AuthorizeRequest withRedirectUrl(String url) {
        return new AuthorizeRequest(clientId, url, responseType, state, codeChallenge, codeChallengeMethod);
    }

    /** What the anti-forgery token signs: the whole request as the page shows it. */
    List<String> signedFields() {
        return Arrays.asList(clientId, redirectUrl, responseType, state, codeChallenge, codeChallengeMethod);
    }

    Optional<String> stateValue() {
        return Optional.ofNullable(state);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
