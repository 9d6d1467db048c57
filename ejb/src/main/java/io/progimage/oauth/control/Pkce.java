package io.progimage.oauth.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange (RFC 7636): which challenges are acceptable and whether a verifier answers one. */
public final class Pkce {

    public static final String S256 = "S256";
    public static final String PLAIN = "plain";

    /** RFC 7636 §4.1/§4.2: 43..128 unreserved characters (a S256 challenge is 43 of them). */
    private static final Pattern UNRESERVED_43_128 = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    public static boolean isValidMethod(String method) {
        return S256.equals(method) || PLAIN.equals(method);
    }

    public static boolean isValidChallenge(String challenge) {
        return challenge != null && UNRESERVED_43_128.matcher(challenge).matches();
    }

    public static boolean verifies(String verifier, String challenge, String method) {
        if (verifier == null || !UNRESERVED_43_128.matcher(verifier).matches()) {
            return false;
        }
        String derived = S256.equals(method) ? s256(verifier) : verifier;
        return Secrets.constantTimeEquals(derived, challenge);
    }

    static String s256(String verifier) {
        byte[] digest = Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
