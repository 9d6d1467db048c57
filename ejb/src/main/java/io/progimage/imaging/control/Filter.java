package io.progimage.imaging.control;

import java.awt.image.BufferedImage;
import java.util.Locale;

/** The five looks of docs/FILTERS.md; each constant delegates to its class. */
public enum Filter {
    TOASTER, LOMO, KELVIN, COLORTONE, GOTHAM;

    /**
     * Applies the look to an opaque {@code TYPE_INT_RGB} image. Works in place
     * except for gotham, whose black border makes the image larger.
     */
    BufferedImage apply(BufferedImage image) {
        return switch (this) {
            case TOASTER -> Looks.toaster(image);
            case LOMO -> Looks.lomo(image);
            case KELVIN -> Looks.kelvin(image);
            case COLORTONE -> Looks.colortone(image);
            case GOTHAM -> Looks.gotham(image);
        };
    }

    /**
     * Pixels the look adds on each side (gotham's border), so that the output
     * size is known before any pixel is decoded ({@link JobPlan}).
     */
    int margin() {
        return this == GOTHAM ? Looks.GOTHAM_BORDER : 0;
    }

    /** The filter named in the API ({@code "gotham"}), case-insensitive; null for null. */
    public static Filter fromName(String name) {
        return name == null ? null : valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
