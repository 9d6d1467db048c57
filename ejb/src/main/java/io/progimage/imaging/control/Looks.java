package io.progimage.imaging.control;

import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;

/**
 * The five filters, step by step as in FILTERS.md and its reference script.
 * Where the script writes a PNG between commands the result is rounded to 8
 * bits here too; within one command the steps stay in float, as IM's Q16.
 */
final class Looks {

    private static final int LAVENDER_BLUSH_3 = 0xCDC1C5;
    private static final int NONE = -1;

    private static final ColorOps.Curve GAMMA_0_5 = ColorOps.gamma(0.5);
    private static final ColorOps.Curve GAMMA_1_2 = ColorOps.gamma(1.2);
    private static final ColorOps.Curve CONTRAST_1 = ColorOps.contrastFactor(1);
    private static final ColorOps.Curve CONTRAST_2 = ColorOps.contrastFactor(2);
    private static final ColorOps.Curve LEVEL_33 = ColorOps.level(0.33, 0.67);
    private static final Vignette TOASTER_VIGNETTE = Vignette.of(NONE, LAVENDER_BLUSH_3, 0xFF9966, NONE);
    private static final Vignette LOMO_VIGNETTE = Vignette.of(NONE, 0x000000);
    private static final ColorOps.Modulate8 GOTHAM_MODULATE = new ColorOps.Modulate8(1.2f, 0.1f);
    private static final ColorOps.Modulate8 TOASTER_MODULATE = new ColorOps.Modulate8(1.5f, 0.8f);
    private static final float[] GOTHAM_BLUE = ColorOps.colour(0x222B6D);
    private static final float[] TOASTER_RED = ColorOps.colour(0x330000);
    private static final float[] COLORTONE_BLUE = ColorOps.colour(0x222B6D);
    private static final float[] COLORTONE_CREAM = ColorOps.colour(0xF7DAAE);

    private Looks() {
    }

    /** Width of gotham's black border; {@link Filter#margin()} tells the size planning. */
    static final int GOTHAM_BORDER = 20;

    /** modulate 120,10,100, colorize 20% #222b6d, gamma 0.5, contrast x2, 20 px black border. */
    static BufferedImage gotham(BufferedImage image, Executor helper) {
        BufferedImage framed = border(image, GOTHAM_BORDER);
        gothamFramed(framed, helper);
        return framed;
    }

    /**
     * Gotham on an image whose black border is already there (the pipeline's rotation draws
     * it, saving a copy of the image): the colours inside it, in place.
     */
    static void gothamFramed(BufferedImage framed, Executor helper) {
        ColourMemo.mapInside(framed, GOTHAM_BORDER, Looks::gotham, helper);
    }

    /**
     * tone #330000 negate; modulate 150,80,100, gamma 1.2, contrast x2;
     * vignette none to LavenderBlush3; vignette #ff9966 to none.
     */
    static BufferedImage toaster(BufferedImage image, Executor helper) {
        int[] p = Pixels.data(image);
        ColourMemo.map(image, Looks::toaster, helper);
        TOASTER_VIGNETTE.apply(p, image.getWidth(), image.getHeight(), helper);
        return image;
    }

    /** level 33% on red and on green, then vignette none to black. */
    static BufferedImage lomo(BufferedImage image, Executor helper) {
        int[] p = Pixels.data(image);
        int[] level = new int[256];
        for (int v = 0; v < 256; v++) {
            level[v] = (int) (LEVEL_33.at(v / 255f) * 255 + 0.5f);
        }
        for (int i = 0; i < p.length; i++) {
            int c = p[i];
            p[i] = level[c >> 16 & 0xFF] << 16 | level[c >> 8 & 0xFF] << 8 | (c & 0xFF);
        }
        LOMO_VIGNETTE.apply(p, image.getWidth(), image.getHeight(), helper);
        return image;
    }

    /** auto-gamma, modulate 120,50,100, multiply by rgba(255,153,0,0.5). */
    static BufferedImage kelvin(BufferedImage image, Executor helper) {
        int[] p = Pixels.data(image);
        ColorOps.Curve autoGamma = autoGamma(mean(p));
        float[] byValue = new float[256]; // auto-gamma of each 8-bit value
        for (int v = 0; v < 256; v++) {
            byValue[v] = autoGamma.at(ColorOps.UNIT[v]);
        }
        ColourMemo.map(image, c -> kelvin(c, byValue), helper);
        return image;
    }

    /** tone #222b6d negate; tone #f7daae; contrast, modulate 100,150,100, auto-gamma. */
    static BufferedImage colortone(BufferedImage image, Executor helper) {
        int[] p = Pixels.data(image);
        ColourMemo.map(image, Looks::colortone, helper);
        ColorOps.Curve autoGamma = autoGamma(mean(p));
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (int) (autoGamma.at(v / 255f) * 255 + 0.5f);
        }
        for (int i = 0; i < p.length; i++) {
            int c = p[i];
            p[i] = lut[c >> 16 & 0xFF] << 16 | lut[c >> 8 & 0xFF] << 8 | lut[c & 0xFF];
        }
        return image;
    }

    // The per-colour steps of each filter as a static method with its scratch array
    // local: inlined, the JIT keeps the array in registers (escape analysis), where a
    // scratch array shared by a lambda stays in memory.

    private static int gotham(int c) {
        float[] rgb = new float[3];
        GOTHAM_MODULATE.apply(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF, rgb);
        float r = GAMMA_0_5.at(rgb[0] * 0.8f + GOTHAM_BLUE[0] * 0.2f);
        float g = GAMMA_0_5.at(rgb[1] * 0.8f + GOTHAM_BLUE[1] * 0.2f);
        float b = GAMMA_0_5.at(rgb[2] * 0.8f + GOTHAM_BLUE[2] * 0.2f);
        float k = CONTRAST_2.at(max(r, g, b));
        return ColorOps.packInRange(r * k, g * k, b * k);
    }

    private static int toaster(int c) {
        int toned = tone8(c, TOASTER_RED, true);
        float[] rgb = new float[3];
        TOASTER_MODULATE.apply(toned >> 16 & 0xFF, toned >> 8 & 0xFF, toned & 0xFF, rgb);
        float r = GAMMA_1_2.at(rgb[0]);
        float g = GAMMA_1_2.at(rgb[1]);
        float b = GAMMA_1_2.at(rgb[2]);
        float k = CONTRAST_2.at(max(r, g, b));
        return ColorOps.packInRange(r * k, g * k, b * k);
    }

    /**
     * {@code tone COLOUR [negate]}: the colour blended in through the pixel's luma (inverted
     * with negate, so that shadows take it), rounded to 8 bits as the script's PNG; tone mixes
     * two colours, so the result stays in 0..1.
     */
    private static int tone8(int c, float[] colour, boolean negate) {
        float[] unit = ColorOps.UNIT;
        float r = unit[c >> 16 & 0xFF];
        float g = unit[c >> 8 & 0xFF];
        float b = unit[c & 0xFF];
        float gray = ColorOps.LUMA_R * r + ColorOps.LUMA_G * g + ColorOps.LUMA_B * b;
        float m = negate ? 1 - gray : gray;
        return round8(r + m * (colour[0] - r)) << 16 | round8(g + m * (colour[1] - g)) << 8
                | round8(b + m * (colour[2] - b));
    }

    private static int kelvin(int c, float[] autoGamma) {
        float[] rgb = {autoGamma[c >> 16 & 0xFF], autoGamma[c >> 8 & 0xFF], autoGamma[c & 0xFF]};
        ColorOps.modulate(rgb, 1.2f, 0.5f);
        // multiply by colour C at alpha 0.5: 1 - 0.5 + 0.5*C = (1, 0.8, 0.5)
        return ColorOps.pack(rgb[0], rgb[1] * 0.8f, rgb[2] * 0.5f);
    }

    /**
     * Contrast's factor by 8-bit brightness: in colortone the tone steps before it
     * round to 8 bits, so a table by the maximum channel replaces the curve.
     */
    private static final float[] CONTRAST_1_BY_MAX = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            CONTRAST_1_BY_MAX[v] = CONTRAST_1.at(ColorOps.UNIT[v]);
        }
    }

    /**
     * One colour through colortone's steps before auto-gamma, in locals and
     * integer max/min (the generic steps' float arrays and branches cost half
     * the time on random colours).
     */
    private static int colortone(int c) {
        float[] unit = ColorOps.UNIT;
        int toned = tone8(tone8(c, COLORTONE_BLUE, true), COLORTONE_CREAM, false);
        int r8 = toned >> 16 & 0xFF;
        int g8 = toned >> 8 & 0xFF;
        int b8 = toned & 0xFF;
        // contrast: the channels scaled by the factor of the brightness (the maximum)
        int max8 = Math.max(r8, Math.max(g8, b8));
        int min8 = Math.min(r8, Math.min(g8, b8));
        float k = CONTRAST_1_BY_MAX[max8];
        float max = unit[max8] * k;
        float min = unit[min8] * k;
        // modulate 100,150 (ColorOps.modulate): with the lightness kept, the chroma scales by 1.5
        float l = (max + min) * 0.5f;
        if (max8 == min8) {
            int v = round8(ColorOps.clamp(l));
            return v << 16 | v << 8 | v;
        }
        float min2 = l - 0.75f * (max - min);
        return ColorOps.pack(min2 + (unit[r8] * k - min) * 1.5f, min2 + (unit[g8] * k - min) * 1.5f,
                min2 + (unit[b8] * k - min) * 1.5f);
    }

    private static int round8(float v) {
        return (int) (v * 255 + 0.5f);
    }

    /** {@code -auto-gamma}: the gamma that takes the mean of all channels to 0.5. */
    private static ColorOps.Curve autoGamma(double mean) {
        if (mean <= 0) {
            // IM computes the exponent as log(0.5) / log(mean) = 0 and pow(v, 0) = 1 for
            // every v, 0 included: an all-black image comes out white, not black.
            return new ColorOps.Curve(v -> 1);
        }
        if (mean >= 1) {
            return new ColorOps.Curve(v -> v); // all white: pow(1, anything) = 1
        }
        double exponent = Math.log(0.5) / Math.log(mean);
        return new ColorOps.Curve(v -> Math.pow(v, exponent));
    }

    /** Mean of the R, G and B samples, in 0..1. */
    private static double mean(int[] p) {
        long sum = 0;
        for (int c : p) {
            sum += (c >> 16 & 0xFF) + (c >> 8 & 0xFF) + (c & 0xFF);
        }
        return sum / (3.0 * 255 * p.length);
    }

    private static float max(float r, float g, float b) {
        return Math.max(r, Math.max(g, b));
    }

    private static BufferedImage border(BufferedImage image, int size) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = Pixels.newRgb(w + 2 * size, h + 2 * size); // black
        int[] s = Pixels.data(image);
        int[] t = Pixels.data(out);
        for (int y = 0; y < h; y++) {
            System.arraycopy(s, y * w, t, (y + size) * out.getWidth() + size, w);
        }
        return out;
    }
}
