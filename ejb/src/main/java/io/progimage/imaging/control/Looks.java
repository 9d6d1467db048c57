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
        ColourMemo.map(Pixels.data(image), () -> {
            float[] rgb = new float[3];
            return c -> {
                ColorOps.unpack(c, rgb);
                ColorOps.modulate(rgb, 1.2f, 0.1f);
                float r = GAMMA_0_5.at(rgb[0] * 0.8f + GOTHAM_BLUE[0] * 0.2f);
                float g = GAMMA_0_5.at(rgb[1] * 0.8f + GOTHAM_BLUE[1] * 0.2f);
                float b = GAMMA_0_5.at(rgb[2] * 0.8f + GOTHAM_BLUE[2] * 0.2f);
                float k = CONTRAST_2.at(max(r, g, b));
                return ColorOps.packInRange(r * k, g * k, b * k);
            };
        }, helper);
        return border(image, GOTHAM_BORDER);
    }

    /**
     * tone #330000 negate; modulate 150,80,100, gamma 1.2, contrast x2;
     * vignette none to LavenderBlush3; vignette #ff9966 to none.
     */
    static BufferedImage toaster(BufferedImage image, Executor helper) {
        int[] p = Pixels.data(image);
        ColourMemo.map(p, () -> {
            float[] rgb = new float[3];
            return c -> {
                ColorOps.unpack(c, rgb);
                ColorOps.tone(rgb, TOASTER_RED, true);
                roundTo8Bits(rgb);
                ColorOps.modulate(rgb, 1.5f, 0.8f);
                float r = GAMMA_1_2.at(rgb[0]);
                float g = GAMMA_1_2.at(rgb[1]);
                float b = GAMMA_1_2.at(rgb[2]);
                float k = CONTRAST_2.at(max(r, g, b));
                return ColorOps.packInRange(r * k, g * k, b * k);
            };
        }, helper);
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
        ColourMemo.map(p, () -> {
            float[] rgb = new float[3];
            return c -> {
                ColorOps.unpack(c, rgb);
                rgb[0] = autoGamma.at(rgb[0]);
                rgb[1] = autoGamma.at(rgb[1]);
                rgb[2] = autoGamma.at(rgb[2]);
                ColorOps.modulate(rgb, 1.2f, 0.5f);
                // multiply by colour C at alpha 0.5: 1 - 0.5 + 0.5*C = (1, 0.8, 0.5)
                return ColorOps.pack(rgb[0], rgb[1] * 0.8f, rgb[2] * 0.5f);
            };
        }, helper);
        return image;
    }

    /** tone #222b6d negate; tone #f7daae; contrast, modulate 100,150,100, auto-gamma. */
    static BufferedImage colortone(BufferedImage image, Executor helper) {
        int[] p = Pixels.data(image);
        ColourMemo.map(p, () -> {
            float[] rgb = new float[3];
            return c -> {
                ColorOps.unpack(c, rgb);
                ColorOps.tone(rgb, COLORTONE_BLUE, true);
                roundTo8Bits(rgb);
                ColorOps.tone(rgb, COLORTONE_CREAM, false);
                roundTo8Bits(rgb);
                float k = CONTRAST_1.at(max(rgb[0], rgb[1], rgb[2]));
                rgb[0] *= k;
                rgb[1] *= k;
                rgb[2] *= k;
                ColorOps.modulate(rgb, 1f, 1.5f);
                return ColorOps.pack(rgb);
            };
        }, helper);
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

    /** For values already in 0..1 (tone mixes two colours, so it cannot leave the range). */
    private static void roundTo8Bits(float[] rgb) {
        rgb[0] = ColorOps.UNIT[(int) (rgb[0] * 255 + 0.5f)];
        rgb[1] = ColorOps.UNIT[(int) (rgb[1] * 255 + 0.5f)];
        rgb[2] = ColorOps.UNIT[(int) (rgb[2] * 255 + 0.5f)];
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
