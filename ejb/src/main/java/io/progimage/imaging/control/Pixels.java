package io.progimage.imaging.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * The pixel representation every stage works on: an opaque sRGB
 * {@code TYPE_INT_RGB} image whose {@code int[]} is edited directly.
 */
final class Pixels {

    static final int WHITE = 0xFFFFFF;

    private Pixels() {
    }

    static BufferedImage newRgb(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** The backing array, row-major, 0xRRGGBB. */
    static int[] data(BufferedImage rgb) {
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    /**
     * Converts whatever a reader returned into opaque sRGB: an ICC profile other
     * than sRGB is converted to sRGB, transparency is flattened on white.
     */
    static BufferedImage toOpaqueSrgb(BufferedImage src) {
        ColorSpace cs = src.getColorModel().getColorSpace();
        if (cs instanceof ICC_ColorSpace && cs.getType() == ColorSpace.TYPE_RGB && !cs.isCS_sRGB()) {
            // e.g. an Adobe RGB or Display P3 photo: convert the colours, keep alpha
            int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
            BufferedImage srgb = new BufferedImage(src.getWidth(), src.getHeight(), type);
            new ColorConvertOp(null).filter(src, srgb);
            src = srgb;
        }
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        if (src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return fromBgr(src);
        }
        if ((src.getType() == BufferedImage.TYPE_4BYTE_ABGR || src.getType() == BufferedImage.TYPE_INT_ARGB)
                && src.getColorModel().getColorSpace().isCS_sRGB()) {
            return flattenOnWhite(src); // RGBA PNG, WebP with alpha: 3x faster than Java2D's compositing
        }
        // Java2D composites alpha over the white background and converts palette,
        // gray and 16-bit images; gray is copied as is, which is what the file means.
        BufferedImage out = newRgb(src.getWidth(), src.getHeight());
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Non-premultiplied alpha over white, rounded as Java2D's SrcOver does:
     * {@code c * a / 255 + 255 - a}, to the nearest integer.
     */
    private static BufferedImage flattenOnWhite(BufferedImage src) {
        BufferedImage out = newRgb(src.getWidth(), src.getHeight());
        int[] rgb = data(out);
        if (src.getType() == BufferedImage.TYPE_INT_ARGB) {
            int[] argb = data(src);
            for (int i = 0; i < rgb.length; i++) {
                int p = argb[i];
                rgb[i] = over(p >>> 24, p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF);
            }
        } else {
            byte[] abgr = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 0; i < rgb.length; i++, j += 4) {
                rgb[i] = over(abgr[j] & 0xFF, abgr[j + 3] & 0xFF, abgr[j + 2] & 0xFF, abgr[j + 1] & 0xFF);
            }
        }
        return out;
    }

    static int over(int a, int r, int g, int b) {
        if (a == 255) {
            return r << 16 | g << 8 | b;
        }
        int white = 255 * (255 - a) + 128;
        return div255(r * a + white) << 16 | div255(g * a + white) << 8 | div255(b * a + white);
    }

    /** {@code floor((t - 1) / 255)}, for {@code 128 <= t <= 65025 + 128}: the nearest {@code (t - 128) / 255}. */
    private static int div255(int t) {
        return t * 257 >>> 16;
    }

    private static BufferedImage fromBgr(BufferedImage src) {
        byte[] bgr = ((DataBufferByte) src.getRaster().getDataBuffer()).getData();
        BufferedImage out = newRgb(src.getWidth(), src.getHeight());
        int[] rgb = data(out);
        for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
            rgb[i] = (bgr[j + 2] & 0xFF) << 16 | (bgr[j + 1] & 0xFF) << 8 | (bgr[j] & 0xFF);
        }
        return out;
    }
}
