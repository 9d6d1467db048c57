package io.progimage.images.control;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code file} parameter (API.md §5.4): standard or URL-safe base64, padding optional, or a
 * {@code data:image/...;base64,} URI. Whitespace (line breaks of MIME-style base64) is ignored;
 * any other stray character makes it invalid rather than silently skipped.
 */
public final class Base64Files {

    private static final Pattern DATA_URI = Pattern.compile("^data:image/[A-Za-z0-9.+-]+(;[A-Za-z0-9=._-]+)*;base64,", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Base64Files() {
    }

    public static Optional<byte[]> decode(String value) {
        String data = DATA_URI.matcher(value).replaceFirst("");
        data = WHITESPACE.matcher(data).replaceAll("");
        if (data.isEmpty()) {
            return Optional.empty();
        }
        boolean urlSafe = data.indexOf('-') >= 0 || data.indexOf('_') >= 0;
        try {
            return Optional.of((urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(data));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
