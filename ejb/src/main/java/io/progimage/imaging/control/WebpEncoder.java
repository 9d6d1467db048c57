package io.progimage.imaging.control;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * Lossy WebP through libwebp (webp-imageio, the library that decodes WebP here too). An image
 * with an alpha plane is encoded with its transparency; libwebp keeps an opaque one as RGB.
 */
final class WebpEncoder {

    /** libwebp's limit per side (WEBP_MAX_DIMENSION). */
    static final int MAX_SIDE = 16383;

    private static final WebPImageWriterSpi WRITER = new WebPImageWriterSpi();

    private WebpEncoder() {
    }

    /** Whether this node can encode WebP at all: libwebp loaded (not the pure-Java fallback). */
    static boolean available() {
        return Codecs.selected().webp;
    }

    /** @param alpha the image's {@link Alpha} plane, or null for an opaque image */
    static byte[] encode(BufferedImage rgb, BufferedImage alpha, int quality) throws ImageRejectedException {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (w > MAX_SIDE || h > MAX_SIDE || !available()) {
            // JobPlan leaves WebP out (or refuses) before any work; getting here is our bug
            throw new IllegalStateException("cannot encode a " + w + "x" + h + " WebP here");
        }
        BufferedImage image = alpha == null ? rgb : Alpha.unflatten(rgb, alpha);
        ImageWriter writer = WRITER.createWriterInstance(null);
        JpegEncoder.Chunks out = new JpegEncoder.Chunks(Math.min(Integer.MAX_VALUE - 8, JpegEncoder.maxBytes(w, h)));
        try {
            WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(CompressionType.Lossy);
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.close();
        } catch (IOException e) {
            if (out.overflowed) {
                throw new ImageRejectedException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                        "the %dx%d WebP would be larger than %d bytes", w, h, out.limit));
            }
            throw new UncheckedIOException("libwebp could not encode " + w + "x" + h, e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
