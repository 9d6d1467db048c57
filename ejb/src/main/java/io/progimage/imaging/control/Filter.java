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
        return apply(image, null);
    }

    /** As {@link #apply(BufferedImage)}, splitting the per-pixel work with {@code helper} ({@link Split}). */
    BufferedImage apply(BufferedImage image, java.util.concurrent.Executor helper) {
        return switch (this) {
            case TOASTER -> Looks.toaster(image, helper);
            case LOMO -> Looks.lomo(image, helper);
            case KELVIN -> Looks.kelvin(image, helper);
            case COLORTONE -> Looks.colortone(image, helper);
            case GOTHAM -> Looks.gotham(image, helper);
        };
    }

    /**
     * The look on an image that already has its {@link #margin()} around it, black (drawn by
     * {@link Orientation#apply(BufferedImage, java.util.concurrent.Executor, int)}): in place.
     */
    void applyFramed(BufferedImage framed, java.util.concurrent.Executor helper) {
        if (this != GOTHAM) {
            throw new IllegalStateException(this + " has no frame");
        }
        Looks.gothamFramed(framed, helper);
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
