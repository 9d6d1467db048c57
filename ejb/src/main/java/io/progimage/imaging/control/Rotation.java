package io.progimage.imaging.control;

import java.awt.image.BufferedImage;

/**
 * Rotation by any whole number of degrees, clockwise. Multiples of 90 are left
 * to {@link Orientation} (exact, no resampling); other angles are resampled
 * bilinearly onto a canvas enlarged to the rotated bounding box. Outside the
 * source counts as white, so the rotated edges blend into the white
 * background instead of being jagged.
 */
final class Rotation {

    private Rotation() {
    }

    /** The angle folded into [0, 360). */
    static int normalize(int degrees) {
        return Math.floorMod(degrees, 360);
    }

    static boolean isQuarterTurn(int degrees) {
        return normalize(degrees) % 90 == 0;
    }

    /** Width and height of the canvas that holds a {@code w x h} image rotated by {@code degrees}. */
    static long[] canvas(int w, int h, int degrees) {
        double theta = Math.toRadians(normalize(degrees));
        double cos = Math.abs(Math.cos(theta));
        double sin = Math.abs(Math.sin(theta));
        return new long[] {(long) Math.ceil(w * cos + h * sin - 1e-6), (long) Math.ceil(w * sin + h * cos - 1e-6)};
    }

    /** Rotates by an angle that is not a multiple of 90. */
    static BufferedImage arbitrary(BufferedImage src, int degrees) {
        return arbitrary(src, degrees, Pixels.WHITE);
    }

    /** As {@link #arbitrary(BufferedImage, int)}, with {@code outside} as the colour beyond the source (an {@link Alpha} plane's is transparent). */
    static BufferedImage arbitrary(BufferedImage src, int degrees, int outside) {
        double theta = Math.toRadians(normalize(degrees));
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        int sw = src.getWidth();
        int sh = src.getHeight();
        long[] canvas = canvas(sw, sh, degrees);
        int dw = (int) canvas[0];
        int dh = (int) canvas[1];
        BufferedImage out = Pixels.newRgb(dw, dh);
        int[] s = Pixels.data(src);
        int[] t = Pixels.data(out);
        double scx = sw / 2.0 - 0.5;
        double scy = sh / 2.0 - 0.5;
        for (int y = 0; y < dh; y++) {
            double ry = y + 0.5 - dh / 2.0;
            // inverse rotation of the pixel centre (x + 0.5 - dw/2, ry), stepped along x
            double rx0 = 0.5 - dw / 2.0;
            double fx = rx0 * cos + ry * sin + scx;
            double fy = -rx0 * sin + ry * cos + scy;
            int row = y * dw;
            for (int x = 0; x < dw; x++, fx += cos, fy -= sin) {
                t[row + x] = sample(s, sw, sh, fx, fy, outside);
            }
        }
        return out;
    }

    private static int sample(int[] s, int w, int h, double fx, double fy, int outside) {
        if (fx <= -1 || fy <= -1 || fx >= w || fy >= h) {
            return outside;
        }
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double wx = fx - x0;
        double wy = fy - y0;
        int p00 = at(s, w, h, x0, y0, outside);
        int p10 = at(s, w, h, x0 + 1, y0, outside);
        int p01 = at(s, w, h, x0, y0 + 1, outside);
        int p11 = at(s, w, h, x0 + 1, y0 + 1, outside);
        int r = mix(p00 >> 16 & 0xFF, p10 >> 16 & 0xFF, p01 >> 16 & 0xFF, p11 >> 16 & 0xFF, wx, wy);
        int g = mix(p00 >> 8 & 0xFF, p10 >> 8 & 0xFF, p01 >> 8 & 0xFF, p11 >> 8 & 0xFF, wx, wy);
        int b = mix(p00 & 0xFF, p10 & 0xFF, p01 & 0xFF, p11 & 0xFF, wx, wy);
        return r << 16 | g << 8 | b;
    }

    private static int at(int[] s, int w, int h, int x, int y, int outside) {
        return x < 0 || y < 0 || x >= w || y >= h ? outside : s[y * w + x];
    }

    private static int mix(int c00, int c10, int c01, int c11, double wx, double wy) {
        double top = c00 + (c10 - c00) * wx;
        double bottom = c01 + (c11 - c01) * wx;
        return (int) (top + (bottom - top) * wy + 0.5);
    }
}
