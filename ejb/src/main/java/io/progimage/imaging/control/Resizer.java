package io.progimage.imaging.control;

import java.awt.image.BufferedImage;

/**
 * Downscaling for thumbnails without aliasing: a single bilinear step from a
 * large image samples only 4 of the many source pixels behind each output
 * pixel (moire, sparkle). So first average whole k x k blocks (a box filter,
 * every source pixel counts) to between one and two times the target size,
 * then finish with one bilinear step, which is accurate at that ratio.
 */
final class Resizer {

    private Resizer() {
    }

    /**
     * The size that fits {@code w x h} into the box keeping the aspect ratio:
     * one side equals the box's, the other is at most the box's and at least 1.
     * A null side is the caller's business ({@link ProcessingOptions#thumbBox()}).
     */
    static int[] fit(int w, int h, int boxW, int boxH) {
        if (w < 1 || h < 1 || boxW < 1 || boxH < 1) {
            throw new IllegalArgumentException("sizes must be positive: " + w + "x" + h + " into " + boxW + "x" + boxH);
        }
        // long products: 65500 x 4096 does not fit an int
        if ((long) boxW * h <= (long) boxH * w) {
            return new int[] {boxW, (int) Math.min(boxH, Math.max(1, Math.round(h * (double) boxW / w)))};
        }
        return new int[] {(int) Math.min(boxW, Math.max(1, Math.round(w * (double) boxH / h))), boxH};
    }

    /**
     * The block size {@link #resize} averages first: the whole source blocks
     * per target pixel in the tighter direction.
     */
    static int shrinkFactor(int sw, int sh, int tw, int th) {
        return Math.min(sw / tw, sh / th);
    }

    static BufferedImage resize(BufferedImage src, int tw, int th) {
        int k = shrinkFactor(src.getWidth(), src.getHeight(), tw, th);
        if (k >= 2) {
            src = boxShrink(src, k);
        }
        if (k >= 2 && src.getWidth() == tw && src.getHeight() == th) {
            return src; // a new image already
        }
        // never the source itself: callers edit the result (corners) in place
        return bilinear(src, tw, th);
    }

    /**
     * Averages k x k blocks; the last row and column of blocks may be partial.
     * Sums are longs: a block holds up to the whole image (a 1x1 thumbnail),
     * and 255 x 8.4 million pixels already overflows an int.
     */
    static BufferedImage boxShrink(BufferedImage src, int k) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        int dw = (int) (((long) sw + k - 1) / k);
        int dh = (int) (((long) sh + k - 1) / k);
        BufferedImage out = Pixels.newRgb(dw, dh);
        int[] s = Pixels.data(src);
        int[] t = Pixels.data(out);
        // Per block: the sum of one source row's part fits an int (k * 255); the
        // block's sum goes into longs, since k rows of it need not.
        long[] sumR = new long[dw];
        long[] sumG = new long[dw];
        long[] sumB = new long[dw];
        for (int dy = 0; dy < dh; dy++) {
            java.util.Arrays.fill(sumR, 0);
            java.util.Arrays.fill(sumG, 0);
            java.util.Arrays.fill(sumB, 0);
            int yStart = (int) Math.min(sh, (long) dy * k);
            int yEnd = (int) Math.min(sh, (long) (dy + 1) * k); // (dy + 1) * k may pass Integer.MAX_VALUE
            for (int y = yStart; y < yEnd; y++) {
                int row = y * sw;
                for (int dx = 0, x = 0; dx < dw; dx++) {
                    int end = (int) Math.min(sw, (long) x + k);
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    for (; x < end; x++) {
                        int p = s[row + x];
                        r += p >> 16 & 0xFF;
                        g += p >> 8 & 0xFF;
                        b += p & 0xFF;
                    }
                    sumR[dx] += r;
                    sumG[dx] += g;
                    sumB[dx] += b;
                }
            }
            int rows = yEnd - yStart;
            for (int dx = 0; dx < dw; dx++) {
                long n = (long) rows * (Math.min(sw, (long) (dx + 1) * k) - (long) dx * k);
                long half = n / 2;
                t[dy * dw + dx] = (int) ((sumR[dx] + half) / n) << 16 | (int) ((sumG[dx] + half) / n) << 8
                        | (int) ((sumB[dx] + half) / n);
            }
        }
        return out;
    }

    /** Bilinear resampling with pixel centres aligned, edges clamped. */
    static BufferedImage bilinear(BufferedImage src, int tw, int th) {
        int sw = src.getWidth();
        int sh = src.getHeight();
        BufferedImage out = Pixels.newRgb(tw, th);
        int[] s = Pixels.data(src);
        int[] t = Pixels.data(out);
        double sx = sw / (double) tw;
        double sy = sh / (double) th;
        int[] x0 = new int[tw];
        int[] x1 = new int[tw];
        int[] wx = new int[tw]; // weights in 1/256
        for (int x = 0; x < tw; x++) {
            double fx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sx - 0.5));
            x0[x] = (int) fx;
            x1[x] = Math.min(sw - 1, x0[x] + 1);
            wx[x] = (int) ((fx - x0[x]) * 256 + 0.5);
        }
        for (int y = 0; y < th; y++) {
            double fy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(sh - 1, y0 + 1);
            int wy = (int) ((fy - y0) * 256 + 0.5);
            int r0 = y0 * sw;
            int r1 = y1 * sw;
            for (int x = 0; x < tw; x++) {
                int a = s[r0 + x0[x]];
                int b = s[r0 + x1[x]];
                int c = s[r1 + x0[x]];
                int d = s[r1 + x1[x]];
                int w = wx[x];
                t[y * tw + x] = lerp2(a >> 16 & 0xFF, b >> 16 & 0xFF, c >> 16 & 0xFF, d >> 16 & 0xFF, w, wy) << 16
                        | lerp2(a >> 8 & 0xFF, b >> 8 & 0xFF, c >> 8 & 0xFF, d >> 8 & 0xFF, w, wy) << 8
                        | lerp2(a & 0xFF, b & 0xFF, c & 0xFF, d & 0xFF, w, wy);
            }
        }
        return out;
    }

    private static int lerp2(int a, int b, int c, int d, int wx, int wy) {
        int top = a * (256 - wx) + b * wx;
        int bottom = c * (256 - wx) + d * wx;
        return (top * (256 - wy) + bottom * wy + 32768) >> 16;
    }
}
