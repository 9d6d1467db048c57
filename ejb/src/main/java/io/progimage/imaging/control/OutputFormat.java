package io.progimage.imaging.control;

import java.util.List;
import java.util.Locale;

/**
 * The output format a client asks for: one encoding, or {@link #AUTO}, JPEG and WebP both, of
 * which the file URLs serve what the client's Accept header prefers.
 */
public enum OutputFormat {
    JPEG(List.of(Encoding.JPEG)),
    WEBP(List.of(Encoding.WEBP)),
    PNG(List.of(Encoding.PNG)),
    /** JPEG first: it is what a client without an Accept header gets, and it is never dropped. */
    AUTO(List.of(Encoding.JPEG, Encoding.WEBP));

    private final List<Encoding> encodings;

    OutputFormat(List<Encoding> encodings) {
        this.encodings = encodings;
    }

    /** The encodings asked for, the one that every image gets first. */
    public List<Encoding> encodings() {
        return encodings;
    }

    /**
     * Whether an encoding may be left out when the image cannot have it (too large for WebP, no
     * libwebp on this node): only AUTO's extra one; a format asked for alone is refused instead.
     */
    boolean isOptional(Encoding encoding) {
        return this == AUTO && encoding != Encoding.JPEG;
    }

    /** Whether any output keeps transparency, so that the pipeline carries an alpha plane. */
    boolean keepsAlpha() {
        return encodings.stream().anyMatch(Encoding::hasAlpha);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code jpeg}, {@code webp}, {@code png}, {@code auto}, case-insensitive; null is JPEG (the default). */
    public static OutputFormat fromWireName(String name) {
        return name == null ? JPEG : valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
