package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WebP, PNG and auto outputs (issue 14), checked by decoding what was encoded: sizes, colours,
 * the kept transparency, transparent corners and canvas. Runs on the native codecs and on the
 * fallback, where WebP cannot be encoded: {@code webp} is refused and {@code auto} is JPEG only.
 */
class OutputFormatsTest {

    private final ImagePipeline pipeline = new ImagePipeline();
    private final boolean webp = WebpEncoder.available();

    private static boolean isWebp(byte[] file) {
        return file.length > 12 && new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("RIFF")
                && new String(file, 8, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("WEBP");
    }

    private static boolean isPng(byte[] file) {
        return file.length > 8 && (file[0] & 0xFF) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G';
    }

    private static boolean isJpeg(byte[] file) {
        return (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8;
    }

    private static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    @Test
    void jpegIsStillTheDefaultAndTheOnlyRendition() throws Exception {
        ProcessedImage result = pipeline.process(TestImages.png(TestImages.quadrants(64, 48)), ProcessingOptions.defaults());
        assertEquals(1, result.renditions().size());
        assertEquals(Encoding.JPEG, result.renditions().get(0).encoding());
        assertTrue(isJpeg(result.main()) && isJpeg(result.thumb()) && isJpeg(result.mini()));
    }

    @Test
    void webpKeepsTheTransparencyOfTheSource() throws Exception {
        byte[] rose = TestImages.resource("yellow-rose-alpha.png");
        ProcessingOptions options = ProcessingOptions.defaults().withFormat(OutputFormat.WEBP);
        if (!webp) {
            ImageRejectedException refused = assertThrows(ImageRejectedException.class, () -> pipeline.process(rose, options));
            assertEquals(ImageRejectedException.Reason.INVALID_OPTIONS, refused.reason());
            return;
        }
        ProcessedImage result = pipeline.process(rose, options);
        BufferedImage source = TestImages.decode(rose);
        for (byte[] file : List.of(result.main(), result.thumb(), result.mini())) {
            assertTrue(isWebp(file));
        }
        BufferedImage main = TestImages.decode(result.main());
        assertEquals(source.getWidth(), main.getWidth());
        assertTrue(main.getColorModel().hasAlpha(), "the WebP has an alpha channel");
        int transparent = 0;
        int matched = 0;
        for (int y = 0; y < source.getHeight(); y += 7) {
            for (int x = 0; x < source.getWidth(); x += 7) {
                int a = alpha(source, x, y);
                transparent += a == 0 ? 1 : 0;
                matched += Math.abs(a - alpha(main, x, y)) <= 16 ? 1 : 0;
                if (a == 255) { // opaque colours come back as they were, within lossy error
                    assertTrue(TestImages.distance(source.getRGB(x, y) & 0xFFFFFF, main.getRGB(x, y) & 0xFFFFFF) < 40,
                            "colour at " + x + "," + y);
                }
            }
        }
        int samples = ((source.getWidth() + 6) / 7) * ((source.getHeight() + 6) / 7);
        assertTrue(transparent > 0, "the rose has transparent pixels");
        assertTrue(matched > samples * 0.98, matched + " of " + samples + " alphas kept");
        assertTrue(TestImages.decode(result.mini()).getColorModel().hasAlpha(), "the mini keeps it too");
    }

    @Test
    void pngIsLosslessAndKeepsTransparency() throws Exception {
        BufferedImage source = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                source.setRGB(x, y, (x < 20 ? 0x80 : 0xFF) << 24 | 0x3366CC);
            }
        }
        ProcessedImage result = pipeline.process(TestImages.png(source), ProcessingOptions.defaults().withFormat(OutputFormat.PNG));
        assertTrue(isPng(result.main()) && isPng(result.thumb()) && isPng(result.mini()));
        BufferedImage main = TestImages.decode(result.main());
        assertEquals(0xFF3366CC, main.getRGB(30, 10), "opaque: exact");
        assertEquals(0x80, alpha(main, 5, 10));
        assertTrue(TestImages.distance(0x3366CC, main.getRGB(5, 10) & 0xFFFFFF) <= 3, "half transparent: colour kept, not whitened");
    }

    @Test
    void roundedCornersAndTheSkewCanvasAreTransparentWhereAlphaIsKept() throws Exception {
        byte[] opaque = TestImages.png(TestImages.quadrants(200, 100));
        ProcessedImage rounded = pipeline.process(opaque, ProcessingOptions.defaults().withCornerRadius(30).withFormat(OutputFormat.PNG));
        BufferedImage main = TestImages.decode(rounded.main());
        assertEquals(0, alpha(main, 0, 0), "the corner is transparent");
        assertEquals(255, alpha(main, 100, 50), "the middle is opaque");
        assertEquals(0xFF0000, main.getRGB(40, 20) & 0xFFFFFF, "inside the curve the colour is the image's");
        assertEquals(0, alpha(TestImages.decode(rounded.thumb()), 0, 0), "the thumbnail's corner too");

        ProcessedImage turned = pipeline.process(opaque, ProcessingOptions.defaults().withRotation(30).withFormat(OutputFormat.PNG));
        BufferedImage canvas = TestImages.decode(turned.main());
        assertEquals(0, alpha(canvas, 0, 0), "the enlarged canvas is transparent");
        assertEquals(255, alpha(canvas, canvas.getWidth() / 2, canvas.getHeight() / 2));

        ProcessedImage jpeg = pipeline.process(opaque, ProcessingOptions.defaults().withCornerRadius(30));
        int corner = TestImages.decode(jpeg.main()).getRGB(0, 0);
        assertTrue(TestImages.distance(0xFFFFFF, corner) < 12, "JPEG corners stay white: " + Integer.toHexString(corner));
    }

    @Test
    void gothamsBorderIsOpaqueAroundATransparentImage() throws Exception {
        ProcessedImage framed = pipeline.process(TestImages.resource("yellow-rose-alpha.png"),
                ProcessingOptions.defaults().withFilter(Filter.GOTHAM).withFormat(OutputFormat.PNG));
        BufferedImage main = TestImages.decode(framed.main());
        assertEquals(0xFF000000, main.getRGB(0, 0), "black and opaque");
    }

    @Test
    void autoStoresJpegAndWebpOfTheSameImage() throws Exception {
        byte[] photo = TestImages.resource("mate-LadyBird.jpg");
        ProcessedImage result = pipeline.process(photo, ProcessingOptions.defaults().withFormat(OutputFormat.AUTO));
        assertEquals(Encoding.JPEG, result.renditions().get(0).encoding(), "JPEG first: what clients without Accept get");
        assertTrue(isJpeg(result.main()));
        if (!webp) {
            assertEquals(1, result.renditions().size(), "no libwebp: JPEG only");
            return;
        }
        ProcessedImage.Rendition webpFiles = result.in(Encoding.WEBP);
        assertNotNull(webpFiles);
        BufferedImage jpeg = TestImages.decode(result.main());
        BufferedImage decoded = TestImages.decode(webpFiles.main());
        assertEquals(jpeg.getWidth(), decoded.getWidth());
        assertEquals(jpeg.getHeight(), decoded.getHeight());
        double psnr = TestImages.psnr(jpeg, decoded);
        // two lossy encodings of this textured photo at 90 differ by ~28 dB; another picture is ~10
        assertTrue(psnr > 25, "the same picture: " + psnr + " dB");
        BufferedImage thumb = TestImages.decode(webpFiles.thumb());
        assertEquals(result.thumbWidth(), thumb.getWidth());
        assertEquals(result.miniWidth(), TestImages.decode(webpFiles.mini()).getWidth());
        assertNull(result.in(Encoding.PNG));
    }

    @Test
    void anImageTooWideForWebpIsJpegOnlyUnderAutoAndRefusedAsWebp() throws Exception {
        byte[] wide = TestImages.png(TestImages.quadrants(WebpEncoder.MAX_SIDE + 1, 2));
        ProcessedImage auto = pipeline.process(wide, ProcessingOptions.defaults().withFormat(OutputFormat.AUTO));
        assertEquals(List.of(Encoding.JPEG), auto.renditions().stream().map(ProcessedImage.Rendition::encoding).toList());
        ImageRejectedException refused = assertThrows(ImageRejectedException.class,
                () -> pipeline.process(wide, ProcessingOptions.defaults().withFormat(OutputFormat.WEBP)));
        // too large comes first: true on a node without libwebp too
        assertEquals(ImageRejectedException.Reason.TOO_LARGE, refused.reason());
        assertTrue(refused.getMessage().contains("a WebP cannot have a side longer than 16383"), refused.getMessage());
    }

    @Test
    void unflatteningInvertsTheFlatteningOnWhite() {
        BufferedImage flat = Pixels.newRgb(3, 1);
        BufferedImage plane = Pixels.newRgb(3, 1);
        int[] colours = {0x3366CC, 0xFF0000, 0x000000};
        int[] alphas = {255, 128, 0};
        for (int i = 0; i < 3; i++) {
            int c = colours[i];
            Pixels.data(flat)[i] = Pixels.over(alphas[i], c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF);
            Pixels.data(plane)[i] = alphas[i] * 0x010101;
        }
        int[] argb = Pixels.data(Alpha.unflatten(flat, plane));
        assertArrayEquals(new int[] {0xFF3366CC, 0x80FF0000, 0}, argb);
    }

    @Test
    void anAlphaChannelThatIsOpaqueEverywhereIsNotCarried() {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        java.util.Arrays.fill(Pixels.data(argb), 0xFF102030);
        assertNull(Alpha.of(argb));
        argb.setRGB(1, 1, 0xFE102030);
        assertNotNull(Alpha.of(argb));
    }

    @Test
    void anOpaqueJpegSourceReservesNoAlphaPlaneUnlessTheJobMakesTransparency() throws Exception {
        ProcessingOptions auto = ProcessingOptions.defaults().withFormat(OutputFormat.AUTO);
        JobPlan photo = JobPlan.of(4000, 3000, 1, 3, false, false, auto, 50_000_000L);
        JobPlan png = JobPlan.of(4000, 3000, 1, 4, false, true, auto, 50_000_000L);
        JobPlan rounded = JobPlan.of(4000, 3000, 1, 3, false, false, auto.withCornerRadius(20), 50_000_000L);
        assertEquals(webp, png.keepsAlpha());
        assertTrue(!photo.keepsAlpha());
        assertEquals(webp, rounded.keepsAlpha());
        assertTrue(!webp || photo.peakBytes() < png.peakBytes(), photo.peakBytes() + " < " + png.peakBytes());
    }
}
