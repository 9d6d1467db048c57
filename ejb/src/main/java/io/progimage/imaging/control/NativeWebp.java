package io.progimage.imaging.control;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * libwebp's decoder through webp-imageio, which bundles libwebp for the usual
 * platforms (linux-x86_64 among them) and extracts it under a unique name per
 * class loader, so a redeployment loads its own copy. Several times faster than
 * the pure-Java TwelveMonkeys reader, which stays the fallback.
 */
final class NativeWebp {

    private static final WebPImageReaderSpi READER = new WebPImageReaderSpi();

    private NativeWebp() {
    }

    /** Whether the native library loads and round-trips a small image; if not, why in {@code why[0]}. */
    static boolean available(String[] why) {
        try {
            BufferedImage probe = Pixels.newRgb(8, 8);
            Arrays.fill(Pixels.data(probe), 0x3366CC);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(new IIOImage(probe, null, null));
            } finally {
                writer.dispose();
            }
            ImageReader reader = reader();
            try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                reader.setInput(in);
                BufferedImage back = reader.read(0);
                int rgb = back.getRGB(4, 4);
                if (Math.abs((rgb >> 16 & 0xFF) - 0x33) > 8 || Math.abs((rgb & 0xFF) - 0xCC) > 8) {
                    why[0] = String.format("round trip gave #%06x for #3366cc", rgb & 0xFFFFFF);
                    return false;
                }
            } finally {
                reader.dispose();
            }
            return true;
        } catch (IOException | LinkageError | RuntimeException e) {
            why[0] = e.toString();
            return false;
        }
    }

    static ImageReader reader() throws IOException {
        return READER.createReaderInstance(null);
    }
}
