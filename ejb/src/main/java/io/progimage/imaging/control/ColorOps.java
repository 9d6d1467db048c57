package io.progimage.imaging.control;

import java.util.function.DoubleUnaryOperator;

/**
 * The ImageMagick 6 operations the filters are made of (FILTERS.md), on
 * channels as floats in 0..1. ImageMagick's source is the specification;
 * where a formula looks odd, it is because IM does it that way.
 *
 * <p>Everything expensive ({@code pow}, {@code sin}) is tabulated once per
 * call into a {@link Curve}; the per-pixel work is arithmetic only.
 */
final class ColorOps {

    /** Rec. 709 luma weights on the sRGB values, as {@code -colorspace gray} uses them. */
    static final float LUMA_R = 0.212656f;
    static final float LUMA_G = 0.715158f;
    static final float LUMA_B = 0.072186f;

    private ColorOps() {
    }

    /** A function on 0..1 tabulated at 4096 points; lookups are nearest-entry. */
    static final class Curve {
        private static final int SIZE = 4096;
        private final float[] table = new float[SIZE + 1];

        Curve(DoubleUnaryOperator f) {
            for (int i = 0; i <= SIZE; i++) {
                table[i] = (float) f.applyAsDouble(i / (double) SIZE);
            }
        }

        float at(float v) {
            int i = (int) (v * SIZE + 0.5f);
            return table[i < 0 ? 0 : i > SIZE ? SIZE : i];
        }
    }

    /** {@code -gamma g}: v^(1/g). */
    static Curve gamma(double g) {
        return new Curve(v -> Math.pow(v, 1 / g));
    }

    /**
     * {@code -contrast} applied {@code times} times, as the factor by which all
     * three channels are scaled for a given HSB brightness (the max channel):
     * IM changes only the brightness, keeping hue and saturation, and in HSB
     * that scales the channels proportionally.
     */
    static Curve contrastFactor(int times) {
        return new Curve(v -> {
            if (v <= 0) {
                return 1;
            }
            double b = v;
            for (int i = 0; i < times; i++) {
                b += 0.5 * (0.5 * (Math.sin(Math.PI * (b - 0.5)) + 1.0) - b);
                b = Math.max(0, Math.min(1, b));
            }
            return b / v;
        });
    }

    /** {@code -level black%,white%}: (v - black) / (white - black), clamped. */
    static Curve level(double black, double white) {
        return new Curve(v -> Math.max(0, Math.min(1, (v - black) / (white - black))));
    }

    /**
     * {@code -modulate brightness,saturation,100} in HSL (IM 6's default), in
     * place on {@code rgb}. The hue is unchanged, so instead of a round trip
     * through HSL the channels keep their position between min and max and only
     * lightness and chroma change: the same result, without the hue sextants.
     */
    static void modulate(float[] rgb, float brightness, float saturation) {
        float r = rgb[0];
        float g = rgb[1];
        float b = rgb[2];
        // Math.max/min: C2 compiles them to branch-free vmaxss/blend sequences, which
        // random colours (noise, grain) cannot mispredict
        float max = Math.max(r, Math.max(g, b));
        float min = Math.min(r, Math.min(g, b));
        float c = max - min;
        float l = (max + min) * 0.5f;
        float l2 = l * brightness;
        if (c <= 0) {
            float v = clamp(l2);
            rgb[0] = v;
            rgb[1] = v;
            rgb[2] = v;
            return;
        }
        // HSL saturation is c / g(l) with g(x) = 2x below 0.5 and 2 - 2x above; the new
        // chroma is g(l2) * s * saturation, so the channels' spread scales by
        // saturation * g(l2) / g(l). IM uses the unclamped lightness here: above 1,
        // g goes negative, and so does the chroma.
        float gl = 1 - Math.abs(2 * l - 1); // branch-free: lightness is unpredictable in photos
        float gl2 = 1 - Math.abs(2 * l2 - 1);
        float k = saturation * gl2 / gl;
        float min2 = l2 - 0.5f * c * k;
        rgb[0] = clamp(min2 + (r - min) * k);
        rgb[1] = clamp(min2 + (g - min) * k);
        rgb[2] = clamp(min2 + (b - min) * k);
    }

    /**
     * {@link #modulate} with fixed factors for colours of 8-bit channels (those whose
     * previous step rounds to 8 bits): the maximum and minimum are found among ints
     * (conditional moves, which random colours cannot mispredict), and everything
     * that depends only on their sum, the lightness, is tabulated (no division per
     * pixel). Equal to {@link #modulate} within float rounding.
     */
    static final class Modulate8 {
        private final float[] lightness = new float[511];  // new lightness by max8 + min8
        private final float[] chroma = new float[511];     // factor of the channels' spread

        Modulate8(float brightness, float saturation) {
            for (int sum = 0; sum <= 510; sum++) {
                float l = sum / 510f;
                float l2 = l * brightness;
                float gl = 1 - Math.abs(2 * l - 1);
                lightness[sum] = l2;
                chroma[sum] = gl > 0 ? saturation * (1 - Math.abs(2 * l2 - 1)) / gl : 0;
            }
        }

        void apply(int r8, int g8, int b8, float[] rgb) {
            int max8 = Math.max(r8, Math.max(g8, b8));
            int min8 = Math.min(r8, Math.min(g8, b8));
            float l2 = lightness[max8 + min8];
            float k = chroma[max8 + min8];
            // a gray (max8 == min8) has no spread: all three become clamp(l2), as in modulate
            float min = UNIT[min8];
            float min2 = l2 - 0.5f * (UNIT[max8] - min) * k;
            rgb[0] = clamp(min2 + (UNIT[r8] - min) * k);
            rgb[1] = clamp(min2 + (UNIT[g8] - min) * k);
            rgb[2] = clamp(min2 + (UNIT[b8] - min) * k);
        }
    }

    static float[] colour(int rgb) {
        return new float[] {(rgb >> 16 & 0xFF) / 255f, (rgb >> 8 & 0xFF) / 255f, (rgb & 0xFF) / 255f};
    }

    static float clamp(float v) {
        return Math.min(1f, Math.max(0f, v));
    }

    /**
     * {@code v / 255f} for every 8-bit v. A table, not a conversion: C2 emits
     * {@code cvtsi2ss}, which waits on the previous value of its register (a false
     * dependency), and on random colours that made the filters half as fast.
     */
    static final float[] UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v * (1 / 255f);
        }
    }

    /** Rounds to 8 bits, like the PNG each step of the reference script writes. */
    static int pack(float[] rgb) {
        return pack(rgb[0], rgb[1], rgb[2]);
    }

    /**
     * For values that cannot leave 0..1 (after contrast every channel is at most
     * the new brightness): no clamping branches.
     */
    static int packInRange(float r, float g, float b) {
        return (int) (r * 255 + 0.5f) << 16 | (int) (g * 255 + 0.5f) << 8 | (int) (b * 255 + 0.5f);
    }

    static int pack(float r, float g, float b) {
        return (int) (clamp(r) * 255 + 0.5f) << 16 | (int) (clamp(g) * 255 + 0.5f) << 8 | (int) (clamp(b) * 255 + 0.5f);
    }
}
