package io.progimage.imaging.control;

import java.awt.image.BufferedImage;

/** Lossless PNG through the JDK's writer, RGBA when the image has an alpha plane. */
final class PngEncoder {

    /** Per pixel at most: four samples, plus the row filter bytes and deflate's stored blocks. */
    private static final int MAX_BYTES_PER_PIXEL = 5;

    private PngEncoder() {
    }

    static long maxBytes(long width, long height) {
        return MAX_BYTES_PER_PIXEL * width * height + JpegEncoder.HEADER_BYTES;
    }

    /** @param alpha the image's {@link Alpha} plane, or null for an opaque image */
    static byte[] encode(BufferedImage rgb, BufferedImage alpha) throws ImageRejectedException {
        BufferedImage image = alpha == null ? rgb : Alpha.unflatten(rgb, alpha);
        return JpegEncoder.write(Plugins.pngWriter(), image, null, maxBytes(rgb.getWidth(), rgb.getHeight()), "PNG");
    }
}
