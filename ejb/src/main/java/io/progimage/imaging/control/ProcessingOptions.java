package io.progimage.imaging.control;

/**
 * What the client asked for. Null means "not asked": no thumbnail box (the
 * default 200x200 applies), no filter, no rounded corners. The box rule, the
 * one place that turns the requested sides into a box, is {@link #thumbBox()}.
 *
 * @param quality      JPEG and WebP quality 0..100 of all three outputs (0 is valid; PNG is lossless)
 * @param thumbWidth   width of the thumbnail box, or null
 * @param thumbHeight  height of the thumbnail box, or null; one side alone fixes that side
 *                     unless the other would exceed {@value #MAX_THUMB_SIDE} (see {@link #thumbBox()})
 * @param rotation     clockwise degrees, any integer (negative and beyond 360 allowed)
 * @param filter       the look to apply, or null
 * @param cornerRadius corner radius in pixels of the main image, or null
 * @param format       the encodings of the outputs (JPEG unless asked)
 */
public record ProcessingOptions(int quality, Integer thumbWidth, Integer thumbHeight, int rotation,
                                Filter filter, Integer cornerRadius, OutputFormat format) {

    public static final int DEFAULT_QUALITY = 90;

    /** Longest thumbnail side, given or derived (API.md: thumb_w, thumb_h 1..4096). */
    public static final int MAX_THUMB_SIDE = 4096;

    /** The box when neither side is given. */
    public static final int DEFAULT_THUMB_SIDE = 200;

    public ProcessingOptions {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100, was " + quality);
        }
        if (thumbWidth != null && (thumbWidth < 1 || thumbWidth > MAX_THUMB_SIDE)
                || thumbHeight != null && (thumbHeight < 1 || thumbHeight > MAX_THUMB_SIDE)) {
            throw new IllegalArgumentException("thumbnail box sides must be 1.." + MAX_THUMB_SIDE);
        }
        if (cornerRadius != null && cornerRadius < 0) {
            throw new IllegalArgumentException("corner radius must not be negative");
        }
        java.util.Objects.requireNonNull(format, "format");
    }

    /** JPEG outputs. */
    public ProcessingOptions(int quality, Integer thumbWidth, Integer thumbHeight, int rotation, Filter filter,
                             Integer cornerRadius) {
        this(quality, thumbWidth, thumbHeight, rotation, filter, cornerRadius, OutputFormat.JPEG);
    }

    /**
     * The box the thumbnail is fitted into, width and height, both within
     * 1..{@value #MAX_THUMB_SIDE}: neither side given is the default
     * {@value #DEFAULT_THUMB_SIDE}x{@value #DEFAULT_THUMB_SIDE}; a missing side is
     * {@value #MAX_THUMB_SIDE}. So one side alone fixes that side while the other,
     * following the aspect ratio, stays within {@value #MAX_THUMB_SIDE}; for an image
     * more elongated than that allows the other side is {@value #MAX_THUMB_SIDE} and the
     * given one shrinks in proportion (never a distorted thumbnail, never a
     * 4096x65280 one from a 16x255 source).
     */
    public int[] thumbBox() {
        if (thumbWidth == null && thumbHeight == null) {
            return new int[] {DEFAULT_THUMB_SIDE, DEFAULT_THUMB_SIDE};
        }
        return new int[] {thumbWidth == null ? MAX_THUMB_SIDE : thumbWidth,
            thumbHeight == null ? MAX_THUMB_SIDE : thumbHeight};
    }

    /** Quality 90, default thumbnail box, nothing else. */
    public static ProcessingOptions defaults() {
        return new ProcessingOptions(DEFAULT_QUALITY, null, null, 0, null, null);
    }

    public ProcessingOptions withQuality(int q) {
        return new ProcessingOptions(q, thumbWidth, thumbHeight, rotation, filter, cornerRadius, format);
    }

    public ProcessingOptions withThumbBox(Integer w, Integer h) {
        return new ProcessingOptions(quality, w, h, rotation, filter, cornerRadius, format);
    }

    public ProcessingOptions withRotation(int degrees) {
        return new ProcessingOptions(quality, thumbWidth, thumbHeight, degrees, filter, cornerRadius, format);
    }

    public ProcessingOptions withFilter(Filter f) {
        return new ProcessingOptions(quality, thumbWidth, thumbHeight, rotation, f, cornerRadius, format);
    }

    public ProcessingOptions withCornerRadius(Integer r) {
        return new ProcessingOptions(quality, thumbWidth, thumbHeight, rotation, filter, r, format);
    }

    public ProcessingOptions withFormat(OutputFormat f) {
        return new ProcessingOptions(quality, thumbWidth, thumbHeight, rotation, filter, cornerRadius, f);
    }
}
