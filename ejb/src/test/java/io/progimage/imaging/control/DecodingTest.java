package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every accepted format, from the real files in test resources (see SOURCES.md there). */
class DecodingTest {

    private final Decoder decoder = new Decoder(ImagePipeline.DEFAULT_MAX_PIXELS);

    private BufferedImage decode(byte[] data) throws ImageRejectedException {
        try (Decoder.Opened opened = decoder.open(data)) {
            BufferedImage image = opened.read();
            assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
            return image;
        }
    }

    @ParameterizedTest
    @CsvSource({
        "mate-LadyBird.jpg, JPEG, 2560, 1600",
        "progressive-video-001.jpeg, JPEG, 150, 103",
        "gray-video-005.jpeg, JPEG, 150, 103",
        "cmyk-ladybird.jpg, JPEG, 640, 400",
        "exif-orientation-6.jpg, JPEG, 70, 50",
        "yellow-rose-alpha.png, PNG, 400, 301",
        "video-001.gif, GIF, 150, 103",
        "yellow-rose-lossy-alpha.webp, WEBP, 400, 301",
        "video-001-lossless.webp, WEBP, 150, 103",
        "yellow-rose-lossless-alpha.webp, WEBP, 120, 90",
        "chelsea-cat.bmp, BMP, 226, 150",
        "video-001-lzw.tiff, TIFF, 150, 103",
    })
    void decodesEveryFormatFromItsContent(String file, SourceFormat format, int width, int height) throws Exception {
        byte[] data = TestImages.resource(file);
        assertEquals(format, SourceFormat.detect(data));
        try (Decoder.Opened opened = decoder.open(data)) {
            assertEquals(format, opened.format);
            BufferedImage image = opened.read();
            assertEquals(width, image.getWidth());
            assertEquals(height, image.getHeight());
            assertTrue(distinctColours(image) > 8, file + " decoded to almost flat colour");
        }
    }

    @Test
    void progressiveJpegTiffGifAndLosslessWebpShowTheSameFrame() throws Exception {
        BufferedImage tiff = decode(TestImages.resource("video-001-lzw.tiff"));
        BufferedImage gif = decode(TestImages.resource("video-001.gif"));
        assertTrue(meanDistance(tiff, decode(TestImages.resource("progressive-video-001.jpeg"))) < 3);
        assertTrue(meanDistance(tiff, gif) < 8); // GIF: 256-colour palette
        // the lossless WebP was made from the GIF, so it must match it exactly
        assertEquals(0.0, meanDistance(gif, decode(TestImages.resource("video-001-lossless.webp"))));
    }

    @Test
    void grayJpegStaysGrayWithoutGammaShift() throws Exception {
        BufferedImage gray = decode(TestImages.resource("gray-video-005.jpeg"));
        int[] p = Pixels.data(gray);
        long sum = 0;
        for (int c : p) {
            assertEquals(c >> 16 & 0xFF, c & 0xFF);
            assertEquals(c >> 8 & 0xFF, c & 0xFF);
            sum += c & 0xFF;
        }
        // the raw samples average ~ 110; a linear-to-sRGB misconversion would lift it far above
        double mean = sum / (double) p.length;
        assertTrue(mean > 60 && mean < 160, "mean " + mean);
    }

    @Test
    void cmykJpegHasTheColoursOfItsRgbOriginal() throws Exception {
        BufferedImage cmyk = decode(TestImages.resource("cmyk-ladybird.jpg"));
        BufferedImage rgb = Resizer.resize(decode(TestImages.resource("mate-LadyBird.jpg")), 640, 400);
        double d = meanDistance(cmyk, rgb);
        assertTrue(d < 12, "CMYK decode is off by " + d + " per channel");
    }

    @Test
    void transparentPixelsBecomeWhite() throws Exception {
        for (String file : new String[] {"yellow-rose-alpha.png", "yellow-rose-lossy-alpha.webp"}) {
            BufferedImage image = decode(TestImages.resource(file));
            // the rose is on a fully transparent background; its corner is transparent
            assertEquals(0xFFFFFF, Pixels.data(image)[0] & 0xFFFFFF, file);
        }
        BufferedImage png = decode(TestImages.resource("yellow-rose-alpha.png"));
        BufferedImage webp = decode(TestImages.resource("yellow-rose-lossy-alpha.webp"));
        assertTrue(meanDistance(png, webp) < 10);
    }

    @Test
    void sixteenBitPng() throws Exception {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                raster.setPixel(x, y, new int[] {0xFFFF, 0x8080, x * 1000});
            }
        }
        BufferedImage image = decode(TestImages.png(new BufferedImage(cm, raster, false, null)));
        int p = Pixels.data(image)[0];
        assertEquals(0xFF, p >> 16 & 0xFF);
        assertEquals(0x80, p >> 8 & 0xFF, 1);
    }

    @Test
    void palettePngWithTransparentEntry() throws Exception {
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, 0};
        byte[] b = {0, (byte) 255};
        IndexColorModel palette = new IndexColorModel(8, 2, r, g, b, 1); // entry 1 transparent
        BufferedImage indexed = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int x = 10; x < 20; x++) {
            for (int y = 0; y < 10; y++) {
                indexed.getRaster().setSample(x, y, 0, 1);
            }
        }
        BufferedImage image = decode(TestImages.png(indexed));
        assertEquals(0xFF0000, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, image.getRGB(15, 5) & 0xFFFFFF);
    }

    static double meanDistance(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += TestImages.distance(a.getRGB(x, y), b.getRGB(x, y));
            }
        }
        return sum / ((double) a.getWidth() * a.getHeight());
    }

    private static long distinctColours(BufferedImage image) {
        return java.util.Arrays.stream(Pixels.data(image)).distinct().limit(1000).count();
    }
}
