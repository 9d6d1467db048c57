package io.progimage.imaging.control;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Baseline 4:2:0 JPEG at quality 0..100. The JDK writer's defaults for a
 * three-channel image are exactly that (YCbCr, luma sampled 2x2, Huffman
 * baseline); it writes a JFIF header and no other metadata, so no EXIF
 * orientation can survive and make a viewer rotate a second time.
 */
final class JpegEncoder {

    private JpegEncoder() {
    }

    static byte[] encode(BufferedImage rgb, int quality) {
        ImageWriter writer = Plugins.jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, rgb.getWidth() * rgb.getHeight() / 4));
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            // writing to memory cannot fail for I/O reasons
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
