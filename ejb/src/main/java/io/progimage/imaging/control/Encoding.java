package io.progimage.imaging.control;

import java.util.Locale;

/** What an output file is encoded as. */
public enum Encoding {
    JPEG("JPEG", "image/jpeg", JpegEncoder.MAX_SIDE, false),
    /** Lossy at the quality asked for; libwebp cannot encode a side longer than 16383 pixels. */
    WEBP("WebP", "image/webp", WebpEncoder.MAX_SIDE, true),
    /** Lossless: the quality does not apply. Its side limit is ours, the JPEG one, to keep one bound. */
    PNG("PNG", "image/png", JpegEncoder.MAX_SIDE, true);

    private final String label;
    private final String mediaType;
    private final int maxSide;
    private final boolean alpha;

    Encoding(String label, String mediaType, int maxSide, boolean alpha) {
        this.label = label;
        this.mediaType = mediaType;
        this.maxSide = maxSide;
        this.alpha = alpha;
    }

    /** As people write it, for messages. */
    String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The longest side an image in this encoding can have. */
    int maxSide() {
        return maxSide;
    }

    /** Whether the encoding keeps transparency (JPEG flattens it on white). */
    boolean hasAlpha() {
        return alpha;
    }

    /** The name the API and the rows use: {@code jpeg}, {@code webp}, {@code png}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Encoding fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
