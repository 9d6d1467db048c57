package io.progimage.imaging.control;

/**
 * What the client asked for. Null means "not asked": no thumbnail box (the
 * default 200x200 applies), no filter, no rounded corners.
 *
 * @param quality      JPEG quality 0..100 of all three outputs (0 is valid)
 * @param thumbWidth   width of the thumbnail box, or null
 * @param thumbHeight  height of the thumbnail box, or null; one side alone fixes that side
 * @param rotation     clockwise degrees, any integer (negative and beyond 360 allowed)
 * @param filter       the look to apply, or null
 * @param cornerRadius corner radius in pixels of the main image, or null
 */
public record ProcessingOptions(int quality, Integer thumbWidth, Integer thumbHeight, int rotation,
                                Filter filter, Integer cornerRadius) {

    public static final int DEFAULT_QUALITY = 90;

    public ProcessingOptions {
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be 0..100, was " + quality);
        }
        if (thumbWidth != null && thumbWidth < 1 || thumbHeight != null && thumbHeight < 1) {
            throw new IllegalArgumentException("thumbnail box sides must be positive");
        }
        if (cornerRadius != null && cornerRadius < 0) {
            throw new IllegalArgumentException("corner radius must not be negative");
        }
    }

    /** Quality 90, default thumbnail box, nothing else. */
    public static ProcessingOptions defaults() {
        return new ProcessingOptions(DEFAULT_QUALITY, null, null, 0, null, null);
    }

    public ProcessingOptions withQuality(int q) {
        return new ProcessingOptions(q, thumbWidth, thumbHeight, rotation, filter, cornerRadius);
    }

    public ProcessingOptions withThumbBox(Integer w, Integer h) {
        return new ProcessingOptions(quality, w, h, rotation, filter, cornerRadius);
    }

    public ProcessingOptions withRotation(int degrees) {
        return new ProcessingOptions(quality, thumbWidth, thumbHeight, degrees, filter, cornerRadius);
    }

    public ProcessingOptions withFilter(Filter f) {
        return new ProcessingOptions(quality, thumbWidth, thumbHeight, rotation, f, cornerRadius);
    }

    public ProcessingOptions withCornerRadius(Integer r) {
        return new ProcessingOptions(quality, thumbWidth, thumbHeight, rotation, filter, r);
    }
}
