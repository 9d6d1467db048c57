package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriter;

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
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        BufferedImage image = alpha == null ? rgb : Alpha.unflatten(rgb, alpha);
        ImageWriter writer = Plugins.pngWriter();
        JpegEncoder.Chunks out = new JpegEncoder.Chunks(Math.min(Integer.MAX_VALUE - 8, maxBytes(w, h)));
        try {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), null);
            out.close();
        } catch (IOException e) {
            if (out.overflowed) {
                throw new ImageRejectedException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                        "the %dx%d PNG would be larger than %d bytes", w, h, out.limit));
            }
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
