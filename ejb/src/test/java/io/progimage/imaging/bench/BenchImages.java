package io.progimage.imaging.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The 4 MP photo of the benchmarks (mate-LadyBird.jpg, 2560x1600) as baseline and progressive JPEG. */
final class BenchImages {

    static final String PHOTO = "/imaging/mate-LadyBird.jpg";

    private BenchImages() {
    }

    static byte[] baseline() throws IOException {
        try (InputStream in = BenchImages.class.getResourceAsStream(PHOTO)) {
            return in.readAllBytes();
        }
    }

    /** The same photo re-encoded progressive at quality 85 (the original is baseline Q85). */
    static byte[] progressive() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(baseline()));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
