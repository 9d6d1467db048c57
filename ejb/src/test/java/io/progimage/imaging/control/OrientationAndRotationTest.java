package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stored test card has red top-left, green top-right, blue bottom-left and
 * yellow bottom-right. The expected corners below are read off the EXIF
 * specification's pictures, independently of the matrices in Orientation.
 */
class OrientationAndRotationTest {

    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int YELLOW = 0xFFFF00;

    private final ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(100));
    private final byte[] card = TestImages.jpeg(TestImages.quadrants(64, 48), 100, false);

    @ParameterizedTest
    @CsvSource({
        "1, 64, 48, RED, GREEN, BLUE",
        "2, 64, 48, GREEN, RED, YELLOW",
        "3, 64, 48, YELLOW, BLUE, GREEN",
        "4, 64, 48, BLUE, YELLOW, RED",
        "5, 48, 64, RED, BLUE, GREEN",
        "6, 48, 64, BLUE, RED, YELLOW",
        "7, 48, 64, YELLOW, GREEN, BLUE",
        "8, 48, 64, GREEN, YELLOW, RED",
    })
    void everyExifOrientationIsApplied(int orientation, int width, int height,
                                       String topLeft, String topRight, String bottomLeft) throws Exception {
        byte[] source = TestImages.withOrientation(card, orientation);
        assertEquals(new ImageHeader(SourceFormat.JPEG, width, height), pipeline.readHeader(source));
        ProcessedImage result = pipeline.process(source, ProcessingOptions.defaults().withQuality(100));
        assertEquals(width, result.width());
        assertEquals(height, result.height());
        assertCorners(TestImages.decode(result.main()), colour(topLeft), colour(topRight), colour(bottomLeft));
        assertNoExif(result.main());
    }

    @Test
    void realExifSixPhotoIsTurnedUpright() throws Exception {
        ProcessedImage result = pipeline.process(TestImages.resource("exif-orientation-6.jpg"), ProcessingOptions.defaults());
        assertEquals(50, result.width());
        assertEquals(70, result.height());
        assertNoExif(result.main());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 64, 48, RED, GREEN, BLUE",
        "90, 48, 64, BLUE, RED, YELLOW",
        "180, 64, 48, YELLOW, BLUE, GREEN",
        "270, 48, 64, GREEN, YELLOW, RED",
        "450, 48, 64, BLUE, RED, YELLOW",
        "-90, 48, 64, GREEN, YELLOW, RED",
        "-360, 64, 48, RED, GREEN, BLUE",
    })
    void quarterTurnsAreClockwise(int degrees, int width, int height,
                                  String topLeft, String topRight, String bottomLeft) throws Exception {
        ProcessedImage result = pipeline.process(card, ProcessingOptions.defaults().withQuality(100).withRotation(degrees));
        assertEquals(width, result.width());
        assertEquals(height, result.height());
        assertCorners(TestImages.decode(result.main()), colour(topLeft), colour(topRight), colour(bottomLeft));
    }

    @Test
    void orientationComesBeforeRotation() throws Exception {
        // stored sideways (6 = display after 90 cw), then rotated 90 more: 180 in total
        byte[] source = TestImages.withOrientation(card, 6);
        ProcessedImage result = pipeline.process(source, ProcessingOptions.defaults().withQuality(100).withRotation(90));
        assertEquals(64, result.width());
        assertCorners(TestImages.decode(result.main()), YELLOW, BLUE, GREEN);
    }

    @Test
    void quarterTurnIsAnExactTransposition() {
        BufferedImage src = Pixels.newRgb(7, 5);
        int[] p = Pixels.data(src);
        for (int i = 0; i < p.length; i++) {
            p[i] = i * 7919;
        }
        BufferedImage out = Orientation.quarterTurns(1).apply(src);
        assertEquals(5, out.getWidth());
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 5; x++) {
                // 90 clockwise: the destination's column x is the source's row h-1-x
                assertEquals(src.getRGB(y, 4 - x), out.getRGB(x, y));
            }
        }
    }

    @Test
    void fortyFiveDegreesEnlargesTheCanvasAndFillsWhite() throws Exception {
        ProcessedImage result = pipeline.process(card, ProcessingOptions.defaults().withQuality(100).withRotation(45));
        int expected = (int) Math.ceil((64 + 48) * Math.sqrt(0.5) - 1e-6);
        assertEquals(expected, result.width());
        assertEquals(expected, result.height());
        BufferedImage image = TestImages.decode(result.main());
        assertClose(0xFFFFFF, image.getRGB(1, 1));
        assertClose(0xFFFFFF, image.getRGB(expected - 2, expected - 2));
        int c = expected / 2;
        // clockwise: the top-left (red) quadrant now points up, top-right (green) right
        assertClose(RED, image.getRGB(c, c - 10));
        assertClose(GREEN, image.getRGB(c + 10, c));
        assertClose(YELLOW, image.getRGB(c, c + 10));
        assertClose(BLUE, image.getRGB(c - 10, c));
    }

    @Test
    void minusThirtyTurnsCounterClockwise() throws Exception {
        ProcessedImage result = pipeline.process(card, ProcessingOptions.defaults().withQuality(100).withRotation(-30));
        double r = Math.toRadians(30);
        assertEquals((int) Math.ceil(64 * Math.cos(r) + 48 * Math.sin(r) - 1e-6), result.width());
        assertEquals((int) Math.ceil(64 * Math.sin(r) + 48 * Math.cos(r) - 1e-6), result.height());
        BufferedImage image = TestImages.decode(result.main());
        int cx = result.width() / 2;
        int cy = result.height() / 2;
        // counter-clockwise by 30: straight up from the centre is the source's top-right (green)
        assertClose(GREEN, image.getRGB(cx, cy - 12));
        assertClose(0xFFFFFF, image.getRGB(1, 1));
        // and +30 would have shown red there
        ProcessedImage clockwise = pipeline.process(card, ProcessingOptions.defaults().withQuality(100).withRotation(30));
        assertClose(RED, TestImages.decode(clockwise.main()).getRGB(cx, cy - 12));
    }

    @Test
    void rotatedEdgesAreAntiAliased() {
        BufferedImage black = Pixels.newRgb(100, 100);
        BufferedImage rotated = Rotation.arbitrary(black, 30);
        long partial = java.util.Arrays.stream(Pixels.data(rotated))
                .map(p -> p & 0xFF).filter(v -> v > 30 && v < 225).count();
        assertTrue(partial > 100, "only " + partial + " blended edge pixels");
    }

    static void assertCorners(BufferedImage image, int topLeft, int topRight, int bottomLeft) {
        int w = image.getWidth();
        int h = image.getHeight();
        assertClose(topLeft, image.getRGB(3, 3));
        assertClose(topRight, image.getRGB(w - 4, 3));
        assertClose(bottomLeft, image.getRGB(3, h - 4));
    }

    static void assertClose(int expected, int actual) {
        double d = TestImages.distance(expected, actual & 0xFFFFFF);
        assertTrue(d < 20, String.format("expected %06X, got %06X", expected, actual & 0xFFFFFF));
    }

    static void assertNoExif(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return; // start of scan: no APP1 before it
            }
            assertTrue(!((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xE1), "output has an APP1 segment");
        }
    }

    private static int colour(String name) {
        return switch (name) {
            case "RED" -> RED;
            case "GREEN" -> GREEN;
            case "BLUE" -> BLUE;
            case "YELLOW" -> YELLOW;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
