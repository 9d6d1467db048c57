package io.progimage.imaging.control;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.util.Locale;
import javax.imageio.ImageWriteParam;

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
        WebPWriteParam param = new WebPWriteParam(Locale.ROOT);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(CompressionType.Lossy);
        param.setCompressionQuality(quality / 100f);
        return JpegEncoder.write(WRITER.createWriterInstance(null), image, param, JpegEncoder.maxBytes(w, h), "WebP");
    }
}
