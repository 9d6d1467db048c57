package io.progimage.imaging.control;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * The transparency of an image, carried beside its colours for the encodings that keep it
 * (WebP, PNG). The colour image stays what every stage works on, flattened on white; the alpha
 * is a grey {@code TYPE_INT_RGB} image (each channel the alpha), so that the exact
 * rearrangements, the skew rotation and the resizing treat it like the colours, pixel for pixel.
 *
 * <p>Why flattened colours: {@code flat = c * a + 255 * (1 - a)} is linear in the premultiplied
 * colour, so any linear step (resampling, rotation) on the flat image and on the alpha, followed
 * by {@link #unflatten}, equals that step on the premultiplied image: no dark fringes around
 * transparent edges. The filters are not linear; they act on the image as it looks on white.
 */
final class Alpha {

    static final int OPAQUE = 0xFFFFFF;
    static final int TRANSPARENT = 0;

    private Alpha() {
    }

    /**
     * The alpha of a decoded image (before orientation), or null when it has none or every pixel
     * is opaque (a PNG's unused alpha channel): no plane to carry, and libwebp writes RGB.
     */
    static BufferedImage of(BufferedImage decoded) {
        if (!decoded.getColorModel().hasAlpha()) {
            return null;
        }
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        BufferedImage plane = Pixels.newRgb(w, h);
        int[] t = Pixels.data(plane);
        int least = 255;
        if (decoded.getType() == BufferedImage.TYPE_4BYTE_ABGR) {
            byte[] abgr = ((DataBufferByte) decoded.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0; i < t.length; i++, j += 4) {
                int a = abgr[j] & 0xFF;
                least = Math.min(least, a);
                t[i] = grey(a);
            }
        } else if (decoded.getType() == BufferedImage.TYPE_INT_ARGB) {
            int[] argb = Pixels.data(decoded);
            for (int i = 0; i < t.length; i++) {
                int a = argb[i] >>> 24;
                least = Math.min(least, a);
                t[i] = grey(a);
            }
        } else { // palette, grey with alpha, 16 bits: Java2D's conversion, a row at a time
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                decoded.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int a = row[x] >>> 24;
                    least = Math.min(least, a);
                    t[y * w + x] = grey(a);
                }
            }
        }
        return least == 255 ? null : plane;
    }

    /** A fully opaque alpha, for an opaque source whose skew rotation or corners will make it transparent. */
    static BufferedImage opaque(int width, int height) {
        BufferedImage plane = Pixels.newRgb(width, height);
        Arrays.fill(Pixels.data(plane), OPAQUE);
        return plane;
    }

    /** Makes the outer {@code margin} pixels opaque in place: gotham's black border is part of the image. */
    static void opaqueBorder(BufferedImage plane, int margin) {
        int w = plane.getWidth();
        int h = plane.getHeight();
        int[] p = Pixels.data(plane);
        for (int y = 0; y < h; y++) {
            if (y < margin || y >= h - margin) {
                Arrays.fill(p, y * w, (y + 1) * w, OPAQUE);
            } else {
                Arrays.fill(p, y * w, y * w + margin, OPAQUE);
                Arrays.fill(p, (y + 1) * w - margin, (y + 1) * w, OPAQUE);
            }
        }
    }

    /** The plane in the middle of an opaque canvas {@code margin} pixels larger on each side. */
    static BufferedImage framed(BufferedImage plane, int margin) {
        int w = plane.getWidth();
        int stride = w + 2 * margin;
        BufferedImage out = Pixels.newRgb(stride, plane.getHeight() + 2 * margin);
        int[] s = Pixels.data(plane);
        int[] t = Pixels.data(out);
        Arrays.fill(t, OPAQUE);
        for (int y = 0; y < plane.getHeight(); y++) {
            System.arraycopy(s, y * w, t, (y + margin) * stride + margin, w);
        }
        return out;
    }

    /**
     * Colours and alpha as one non-premultiplied {@code TYPE_INT_ARGB} image, the colours taken
     * off the white they were flattened on: {@code c = (flat - 255 + a) * 255 / a}.
     */
    static BufferedImage unflatten(BufferedImage flat, BufferedImage plane) {
        BufferedImage out = new BufferedImage(flat.getWidth(), flat.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] f = Pixels.data(flat);
        int[] a = Pixels.data(plane);
        int[] t = Pixels.data(out);
        for (int i = 0; i < t.length; i++) {
            int alpha = a[i] & 0xFF;
            if (alpha == 255) {
                t[i] = 0xFF000000 | f[i];
            } else if (alpha != 0) {
                int p = f[i];
                t[i] = alpha << 24 | channel(p >> 16 & 0xFF, alpha) << 16 | channel(p >> 8 & 0xFF, alpha) << 8
                        | channel(p & 0xFF, alpha);
            } // fully transparent: 0, which also compresses best
        }
        return out;
    }

    private static int channel(int flat, int alpha) {
        int c = ((flat - 255 + alpha) * 255 + alpha / 2) / alpha;
        return Math.max(0, Math.min(255, c));
    }

    private static int grey(int alpha) {
        return alpha << 16 | alpha << 8 | alpha;
    }
}
