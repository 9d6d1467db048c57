package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each filter against the ImageMagick reference rendered by
 * /work/shared/tools/filter-reference (see resources imaging/filters/README.md):
 * PSNR of at least 30 dB is the contract of FILTERS.md.
 */
class FiltersTest {

    static final String[] INPUTS = {"chelsea-cat", "mate-LadyBird", "yellow-rose-alpha", "video-001",
        "gray-video-005", "exif-orientation-6", "black"};

    static Stream<Arguments> cases() {
        return Stream.of(Filter.values())
                .flatMap(f -> Stream.of(INPUTS).map(input -> Arguments.of(f, input)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void matchesTheImageMagickReference(Filter filter, String input) throws Exception {
        BufferedImage source = decode("filters/" + input + ".png");
        BufferedImage reference = TestImages.decode(TestImages.resource(
                "filters/" + input + "." + filter.name().toLowerCase() + ".png"));
        BufferedImage filtered = filter.apply(source);
        double psnr = TestImages.psnr(filtered, reference);
        System.out.printf("PSNR %-9s %-20s %6.2f dB%n", filter, input, psnr);
        assertTrue(psnr >= 30, filter + " on " + input + ": " + psnr + " dB");
    }

    @Test
    void gothamAddsATwentyPixelBlackBorder() throws Exception {
        BufferedImage source = decode("filters/video-001.png");
        BufferedImage out = Filter.GOTHAM.apply(source);
        assertEquals(source.getWidth() + 40, out.getWidth());
        assertEquals(source.getHeight() + 40, out.getHeight());
        assertEquals(0, out.getRGB(19, 100) & 0xFFFFFF);
        assertTrue((out.getRGB(20 + source.getWidth() / 2, 20 + source.getHeight() / 2) & 0xFFFFFF) != 0);
    }

    @Test
    void filterRunsAfterRotationInThePipeline() throws Exception {
        ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(10));
        byte[] source = TestImages.jpeg(TestImages.quadrants(64, 48), 100, false);
        ProcessedImage r = pipeline.process(source, ProcessingOptions.defaults().withRotation(90).withFilter(Filter.GOTHAM));
        assertEquals(48 + 40, r.width());
        assertEquals(64 + 40, r.height());
    }

    @Test
    void filterNamesFromTheApi() {
        assertEquals(Filter.COLORTONE, Filter.fromName("colortone"));
        assertEquals(null, Filter.fromName(null));
    }

    private static BufferedImage decode(String resource) throws ImageRejectedException {
        try (Decoder.Opened opened = new Decoder(ImagePipeline.DEFAULT_MAX_PIXELS).open(TestImages.resource(resource))) {
            return opened.read();
        }
    }
}
