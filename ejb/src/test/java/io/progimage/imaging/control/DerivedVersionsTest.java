package io.progimage.imaging.control;

import static io.progimage.imaging.control.OrientationAndRotationTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thumbnail and mini geometry, corners, and the JPEG encoding itself. */
class DerivedVersionsTest {

    private final ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(100));
    private final byte[] landscape = TestImages.jpeg(TestImages.quadrants(800, 600), 95, false);

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "-, -, 0, 200, 150, 64, 48",
        "100, 300, 0, 100, 75, 64, 48",
        "300, -, 0, 300, 225, 64, 48",
        "-, 90, 0, 120, 90, 64, 48",
        "-, -, 90, 150, 200, 48, 64",
        "1000, 1000, 0, 1000, 750, 64, 48",
    })
    void thumbAndMiniFitTheirBoxes(Integer boxW, Integer boxH, int rotation,
                                   int thumbW, int thumbH, int miniW, int miniH) throws Exception {
        ProcessedImage r = pipeline.process(landscape,
                ProcessingOptions.defaults().withThumbBox(boxW, boxH).withRotation(rotation));
        BufferedImage thumb = TestImages.decode(r.thumb());
        BufferedImage mini = TestImages.decode(r.mini());
        assertArrayEquals(new int[] {thumbW, thumbH, miniW, miniH},
                new int[] {thumb.getWidth(), thumb.getHeight(), mini.getWidth(), mini.getHeight()});
        assertArrayEquals(new int[] {thumbW, thumbH, miniW, miniH},
                new int[] {r.thumbWidth(), r.thumbHeight(), r.miniWidth(), r.miniHeight()});
        assertEquals(r.thumb().length, r.thumbSize());
        assertEquals(SourceFormat.JPEG, r.sourceFormat());
    }

    @Test
    void downscalingAveragesInsteadOfAliasing() {
        // one-pixel black and white stripes: any point sampler picks one colour, a box filter gives gray
        BufferedImage stripes = Pixels.newRgb(1000, 1000);
        int[] p = Pixels.data(stripes);
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % 1000) % 2 == 0 ? 0 : 0xFFFFFF;
        }
        BufferedImage small = Resizer.resize(stripes, 64, 64);
        for (int c : Pixels.data(small)) {
            assertEquals(128, c & 0xFF, 12);
        }
        BufferedImage odd = Resizer.resize(stripes, 77, 77);
        for (int c : Pixels.data(odd)) {
            assertEquals(128, c & 0xFF, 12);
        }
    }

    @Test
    void cornersAreRoundWhiteAndAntiAliased() throws Exception {
        byte[] black = TestImages.jpeg(Pixels.newRgb(400, 300), 100, false);
        ProcessedImage r = pipeline.process(black, ProcessingOptions.defaults().withQuality(100).withCornerRadius(100));
        BufferedImage main = TestImages.decode(r.main());
        assertClose(0xFFFFFF, main.getRGB(0, 0));
        assertClose(0xFFFFFF, main.getRGB(20, 20));   // 113 px from the arc's centre (100,100)
        assertClose(0x000000, main.getRGB(40, 40));   // 85 px: inside
        assertClose(0x000000, main.getRGB(200, 0));   // straight edge
        assertClose(0xFFFFFF, main.getRGB(399, 299));
        int grayOnArc = 0;
        for (int x = 0; x < 100; x++) {
            int v = main.getRGB(x, (int) Math.round(100 - Math.sqrt(100 * 100 - (100 - x - 0.5) * (100 - x - 0.5)))) & 0xFF;
            if (v > 40 && v < 215) {
                grayOnArc++;
            }
        }
        assertTrue(grayOnArc > 20, "edge not anti-aliased: " + grayOnArc);

        // thumb 200x150 gets radius 50: (20,20) is 42 px from (50,50), inside
        BufferedImage thumb = TestImages.decode(r.thumb());
        assertClose(0x000000, thumb.getRGB(20, 20));
        assertClose(0xFFFFFF, thumb.getRGB(8, 8));
        BufferedImage mini = TestImages.decode(r.mini());
        assertClose(0xFFFFFF, mini.getRGB(0, 0));
        assertClose(0x000000, mini.getRGB(32, 24));
    }

    @Test
    void radiusIsClampedToHalfTheShorterSide() throws Exception {
        byte[] black = TestImages.jpeg(Pixels.newRgb(400, 300), 100, false);
        ProcessedImage r = pipeline.process(black, ProcessingOptions.defaults().withQuality(100).withCornerRadius(10_000));
        BufferedImage main = TestImages.decode(r.main());
        assertClose(0x000000, main.getRGB(200, 3));   // top edge between the two arcs
        assertClose(0x000000, main.getRGB(3, 150));   // left edge at the arcs' height
        assertClose(0xFFFFFF, main.getRGB(30, 30));   // 170 px from (150,150)
        assertClose(0x000000, main.getRGB(200, 150));
    }

    @Test
    void qualityZeroAndHundredBothEncode() throws Exception {
        byte[] photo = TestImages.resource("cmyk-ladybird.jpg");
        ProcessedImage q0 = pipeline.process(photo, ProcessingOptions.defaults().withQuality(0));
        ProcessedImage q100 = pipeline.process(photo, ProcessingOptions.defaults().withQuality(100));
        assertTrue(q0.mainSize() * 5 < q100.mainSize(), q0.mainSize() + " vs " + q100.mainSize());
        BufferedImage reference;
        try (Decoder.Opened opened = new Decoder(ImagePipeline.DEFAULT_MAX_PIXELS).open(photo)) {
            reference = opened.read();
        }
        double near = DecodingTest.meanDistance(reference, TestImages.decode(q100.main()));
        double far = DecodingTest.meanDistance(reference, TestImages.decode(q0.main()));
        assertTrue(near < 2, "q100 differs by " + near);
        assertTrue(far > near * 3, "q0 differs by " + far);
    }

    @Test
    void outputIsBaseline420WithoutMetadata() throws Exception {
        ProcessedImage r = pipeline.process(TestImages.withOrientation(landscape, 3), ProcessingOptions.defaults());
        for (byte[] jpeg : new byte[][] {r.main(), r.thumb(), r.mini()}) {
            int sof = indexOfMarker(jpeg, 0xC0);
            assertTrue(sof > 0, "no baseline SOF0");
            assertEquals(-1, indexOfMarker(jpeg, 0xC2), "progressive");
            assertEquals(3, jpeg[sof + 9]);                  // components
            assertEquals(0x22, jpeg[sof + 11] & 0xFF);       // Y sampled 2x2
            assertEquals(0x11, jpeg[sof + 14] & 0xFF);       // Cb 1x1
            assertEquals(0x11, jpeg[sof + 17] & 0xFF);       // Cr 1x1
            OrientationAndRotationTest.assertNoExif(jpeg);
        }
    }

    @Test
    void onePipelineServesManyThreads() throws Exception {
        byte[] source = TestImages.resource("video-001-lzw.tiff");
        ProcessingOptions options = ProcessingOptions.defaults().withRotation(33).withCornerRadius(10);
        byte[] expected = pipeline.process(source, options).main();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<ProcessedImage>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> pipeline.process(source, options)));
            }
            for (var f : futures) {
                assertArrayEquals(expected, f.get().main());
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return -1;
            }
        }
        return -1;
    }
}
