package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Outputs the limits must cover (issue 11 §2): the thumbnail box, sides the
 * JPEG encoder cannot write (after rotation and filter too), size arithmetic
 * that overflowed, and the heap a job reserves for what it really allocates.
 */
class OutputLimitsTest {

    private final MemoryBudget budget = new MemoryBudget(100);
    private final ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, budget);

    private static byte[] whitePng(int w, int h) {
        BufferedImage image = Pixels.newRgb(w, h);
        Arrays.fill(Pixels.data(image), Pixels.WHITE);
        return TestImages.png(image); // flat: a few hundred bytes even for 70000x8
    }

    private ImageRejectedException tooLarge(ImagePipeline p, byte[] source, ProcessingOptions options, String... parts) {
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> p.process(source, options));
        assertEquals(Reason.TOO_LARGE, e.reason(), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
        return e;
    }

    // --- the thumbnail box ---

    @Test
    void oneThumbSideAloneNeverMakesTheOtherExceed4096() throws Exception {
        // was 4096x65280: the free side followed the aspect ratio without a cap
        ProcessedImage r = pipeline.process(whitePng(16, 255), ProcessingOptions.defaults().withThumbBox(4096, null));
        assertArrayEquals(new int[] {257, 4096}, new int[] {r.thumbWidth(), r.thumbHeight()});
        BufferedImage thumb = TestImages.decode(r.thumb());
        assertArrayEquals(new int[] {257, 4096}, new int[] {thumb.getWidth(), thumb.getHeight()});

        ProcessedImage wide = pipeline.process(whitePng(255, 16), ProcessingOptions.defaults().withThumbBox(null, 4096));
        assertArrayEquals(new int[] {4096, 257}, new int[] {wide.thumbWidth(), wide.thumbHeight()});
    }

    @Test
    void aOnePixelStripGetsAOnePixelWideThumbnail() throws Exception {
        // 1x100000 overflowed (4096 x 409600000) into a 500; 1x60000 is encodable and shows the same rule
        ProcessedImage r = pipeline.process(whitePng(1, 60_000), ProcessingOptions.defaults().withThumbBox(4096, null));
        assertArrayEquals(new int[] {1, 4096, 1, 64}, new int[] {r.thumbWidth(), r.thumbHeight(), r.miniWidth(), r.miniHeight()});
        assertEquals(60_000, r.height());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        // source, box as given, expected thumbnail
        "1, 100000, 4096, -, 1, 4096",
        "100000, 1, -, 4096, 4096, 1",
        "16, 255, 4096, -, 257, 4096",
        "16, 255, 100, -, 100, 1594",
        "800, 600, 300, -, 300, 225",     // one side alone still fixes that side when it can
        "800, 600, -, 90, 120, 90",
        "65500, 65500, 4096, 4096, 4096, 4096",
        "65500, 1, 1, 1, 1, 1",
        "1, 1, -, -, 200, 200",           // the default box, scaled up
    })
    void theBoxRuleKeepsBothSidesWithin1To4096(int w, int h, Integer boxW, Integer boxH, int tw, int th) {
        int[] box = ProcessingOptions.defaults().withThumbBox(boxW, boxH).thumbBox();
        int[] thumb = Resizer.fit(w, h, box[0], box[1]);
        assertArrayEquals(new int[] {tw, th}, thumb);
    }

    @Test
    void aThumbBoxSideOver4096IsNotAnOption() {
        assertThrows(IllegalArgumentException.class, () -> ProcessingOptions.defaults().withThumbBox(4097, null));
        assertThrows(IllegalArgumentException.class, () -> ProcessingOptions.defaults().withThumbBox(null, 0));
    }

    // --- what the JPEG encoder cannot write ---

    @Test
    void aSideOver65500IsRefusedEvenFarUnderThePixelLimit() throws Exception {
        byte[] strip = whitePng(70_000, 8); // 0.56 MP; was a 500 from the JPEG writer
        assertTrue(strip.length < 10_000, strip.length + " bytes");
        tooLarge(pipeline, strip, ProcessingOptions.defaults(), "70000x8", "65500");
        tooLarge(pipeline, strip, ProcessingOptions.defaults().withRotation(90), "8x70000", "65500");
        tooLarge(pipeline, whitePng(1, 100_000), ProcessingOptions.defaults().withThumbBox(4096, null), "1x100000");
        assertEquals(100, budget.availableMegapixels());
    }

    @Test
    void exactly65500Encodes() throws Exception {
        ProcessedImage r = pipeline.process(whitePng(65_500, 8), ProcessingOptions.defaults());
        assertEquals(65_500, TestImages.decode(r.main()).getWidth());
    }

    @Test
    void theLimitIsJudgedFromTheHeaderBeforeDecoding() {
        // the pixels behind this header are 64x48: decoding would end in CORRUPT, not TOO_LARGE
        byte[] lying = HostileImages.pngLyingHeader(TestImages.png(TestImages.quadrants(64, 48)), 70_000, 8);
        tooLarge(pipeline, lying, ProcessingOptions.defaults(), "70000x8");
    }

    @Test
    void gothamsBorderCanPushASideOverTheLimit() throws Exception {
        byte[] strip = whitePng(8, 65_480);
        assertEquals(65_480, pipeline.process(strip, ProcessingOptions.defaults()).height());
        tooLarge(pipeline, strip, ProcessingOptions.defaults().withFilter(Filter.GOTHAM), "48x65520", "border");
        tooLarge(pipeline, strip, ProcessingOptions.defaults().withFilter(Filter.GOTHAM).withRotation(-90), "65520x48");
    }

    @Test
    void aSkewRotationThatMakesASideExceed65500IsRefusedBeforeDecoding() {
        // A generous operator limit lets the 1.5 GP canvas pass; its 66096 px width cannot be a JPEG.
        ImagePipeline generous = new ImagePipeline(2_000_000_000L, new MemoryBudget(10));
        byte[] lying = HostileImages.pngLyingHeader(TestImages.png(TestImages.quadrants(64, 48)), 65_000, 12_000);
        tooLarge(generous, lying, ProcessingOptions.defaults().withRotation(10), "after rotating by 10 degrees", "65500");
    }

    @Test
    void theRotatedSidesFollowTheExifOrientation() throws Exception {
        // stored 65000x12000 and displayed sideways (EXIF 6): 10 degrees more is a 23105x66097 canvas
        ProcessingOptions skew = ProcessingOptions.defaults().withRotation(10);
        ImageRejectedException sideways = assertThrows(ImageRejectedException.class,
                () -> JobPlan.of(65_000, 12_000, 6, 4, false, skew, 2_000_000_000L));
        assertTrue(sideways.getMessage().contains("23105x66097"), sideways.getMessage());
        ImageRejectedException upright = assertThrows(ImageRejectedException.class,
                () -> JobPlan.of(65_000, 12_000, 1, 4, false, skew, 2_000_000_000L));
        assertTrue(upright.getMessage().contains("66097x23105"), upright.getMessage());
        JobPlan quarter = JobPlan.of(65_000, 1_000, 6, 4, false, ProcessingOptions.defaults(), 2_000_000_000L);
        assertArrayEquals(new int[] {1_000, 65_000}, new int[] {quarter.mainWidth(), quarter.mainHeight()});
    }

    // --- arithmetic that overflowed ---

    @Test
    void boxSumsOfHugeBlocksDoNotOverflow() {
        // one 3000x3000 block: 255 x 9 million = 2.3e9 does not fit an int sum
        BufferedImage white = Pixels.newRgb(3000, 3000);
        Arrays.fill(Pixels.data(white), Pixels.WHITE);
        BufferedImage one = Resizer.boxShrink(white, 3000);
        assertEquals(Pixels.WHITE, Pixels.data(one)[0] & 0xFFFFFF);
        BufferedImage tiny = Resizer.resize(white, 1, 1);
        assertEquals(Pixels.WHITE, Pixels.data(tiny)[0] & 0xFFFFFF);
        // a shrink factor near Integer.MAX_VALUE: one partial block, no wrapped (dy + 1) * k
        BufferedImage edge = Resizer.boxShrink(Pixels.newRgb(3, 2), Integer.MAX_VALUE);
        assertArrayEquals(new int[] {1, 1}, new int[] {edge.getWidth(), edge.getHeight()});
    }

    @Test
    void aHugeCornerRadiusOnAnUpscaledThumbnailStaysHuge() throws Exception {
        // radius x thumb / main = 2^31 x 500 wrapped to a negative int: no corners at all
        byte[] black = TestImages.png(Pixels.newRgb(2, 2));
        ProcessedImage r = pipeline.process(black,
                ProcessingOptions.defaults().withQuality(100).withThumbBox(1000, 1000).withCornerRadius(Integer.MAX_VALUE));
        BufferedImage thumb = TestImages.decode(r.thumb());
        OrientationAndRotationTest.assertClose(0xFFFFFF, thumb.getRGB(2, 2));
        OrientationAndRotationTest.assertClose(0x000000, thumb.getRGB(500, 500));
    }

    @Test
    void budgetRequestsBeyondLongRangeTakeThePoolInsteadOfOnePermit() throws Exception {
        // (pixels + 999_999) / 1_000_000 wrapped to a negative count, i.e. one permit
        MemoryBudget small = new MemoryBudget(10);
        try (MemoryBudget.Permit p = small.acquire(Long.MAX_VALUE)) {
            assertEquals(10, p.megapixels());
        }
        try (MemoryBudget.Permit p = small.reserve(Long.MAX_VALUE)) {
            assertEquals(10, p.megapixels());
        }
        try (MemoryBudget.Permit p = small.reserve(MemoryBudget.BYTES_PER_PIXEL * 1_000_000L + 1)) {
            assertEquals(2, p.megapixels());
        }
    }

    @Test
    void pixelCountsNoArrayCanHoldAreRefusedNotWrapped() {
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> JobPlan.of(65_500, 65_500, 1, 4, false, ProcessingOptions.defaults(), Long.MAX_VALUE));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("65500x65500"), e.getMessage());
    }

    // --- what the budget counts ---

    @Test
    void thePlanCountsTheThumbnailTheCanvasAndTheEncoderBuffers() throws Exception {
        ProcessingOptions plain = ProcessingOptions.defaults();
        long tiny = JobPlan.of(64, 64, 1, 4, false, plain, ImagePipeline.DEFAULT_MAX_PIXELS).peakBytes();
        // a 4096x4096 thumbnail of a 64x64 source: its pixels and its JPEG, not the source's 12 B/px
        long bigThumb = JobPlan.of(64, 64, 1, 4, false, plain.withThumbBox(4096, 4096), ImagePipeline.DEFAULT_MAX_PIXELS)
                .peakBytes();
        assertTrue(bigThumb >= 4L * 4096 * 4096 + 2 * JpegEncoder.maxBytes(4096, 4096), bigThumb + " bytes");
        assertTrue(tiny < 4L * 1024 * 1024, tiny + " bytes");
        // a 4000x10 strip at 45 degrees: the 2836x2836 canvas, not the 0.04 MP source
        long skew = JobPlan.of(4000, 10, 1, 4, false, plain.withRotation(45), ImagePipeline.DEFAULT_MAX_PIXELS).peakBytes();
        assertTrue(skew >= 4L * 2836 * 2836 + 2 * JpegEncoder.maxBytes(2836, 2836), skew + " bytes");
        // the decoding margin stays what docs/performance.md measured against for a photo
        long photo = JobPlan.of(2560, 1600, 1, 3, false, plain.withRotation(90), ImagePipeline.DEFAULT_MAX_PIXELS).peakBytes();
        assertTrue(photo >= MemoryBudget.BYTES_PER_PIXEL * 2560L * 1600, photo + " bytes");
        // wider raw images (16-bit samples) and an ICC conversion cost more per pixel
        long sixteenBit = JobPlan.of(2560, 1600, 1, 8, true, plain, ImagePipeline.DEFAULT_MAX_PIXELS).peakBytes();
        assertTrue(sixteenBit >= (8 + 4 + 4 + 4) * 2560L * 1600, sixteenBit + " bytes");
    }

    @Test
    void theDecoderTellsTheReadersPixelSize() throws Exception {
        try (Decoder.Opened jpeg = new Decoder(ImagePipeline.DEFAULT_MAX_PIXELS)
                .open(TestImages.jpeg(TestImages.quadrants(64, 48), 90, false))) {
            assertEquals(3, jpeg.rawBytesPerPixel);
        }
        BufferedImage gray16 = new BufferedImage(8, 8, BufferedImage.TYPE_USHORT_GRAY);
        try (Decoder.Opened png = new Decoder(ImagePipeline.DEFAULT_MAX_PIXELS).open(TestImages.png(gray16))) {
            assertEquals(2, png.rawBytesPerPixel);
        }
    }

    @Test
    void aTinyUploadAskingForAHugeThumbnailQueuesBehindOtherJobs() throws Exception {
        MemoryBudget small = new MemoryBudget(10);
        ImagePipeline queued = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, small);
        byte[] source = whitePng(64, 64);
        MemoryBudget.Permit other = small.acquire(1); // one megapixel held by another job
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread job = new Thread(() -> {
            try {
                outcome.set(queued.process(source, ProcessingOptions.defaults().withThumbBox(4096, 4096)));
            } catch (ImageRejectedException | RuntimeException e) {
                outcome.set(e);
            }
        });
        job.start();
        // ~200 MB planned: more than the pool, so it needs the whole pool, so it waits
        while (small.queued() == 0) {
            assertTrue(job.isAlive(), "the job did not queue: " + outcome.get());
            Thread.onSpinWait();
        }
        assertEquals(null, outcome.get());
        other.close();
        job.join();
        ProcessedImage r = (ProcessedImage) outcome.get();
        assertArrayEquals(new int[] {4096, 4096}, new int[] {r.thumbWidth(), r.thumbHeight()});
        assertEquals(10, small.availableMegapixels());
    }

    // --- the encoder's bounded output ---

    @Test
    void noiseAtQualityHundredStaysWithinTheEncoderBound() throws Exception {
        BufferedImage noise = Pixels.newRgb(512, 512);
        int[] p = Pixels.data(noise);
        Random random = new Random(7);
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextInt(1 << 24);
        }
        byte[] jpeg = JpegEncoder.encode(noise, 100);
        assertTrue(jpeg.length <= JpegEncoder.maxBytes(512, 512), jpeg.length + " bytes");
        assertTrue(jpeg.length > 512 * 512, "noise at q100 should take more than 1 B/px: " + jpeg.length);
        BufferedImage back = TestImages.decode(jpeg);
        assertEquals(512, back.getWidth());
    }

    @Test
    void theChunkedOutputSeeksReadsAndRefusesToGrowPastItsLimit() throws Exception {
        JpegEncoder.Chunks out = new JpegEncoder.Chunks(40_000);
        byte[] data = new byte[30_000];
        new Random(1).nextBytes(data);
        out.write(data);
        out.seek(16_380); // across the first chunk boundary
        out.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        out.seek(16_383);
        assertEquals(4, out.read());
        assertEquals(30_000, out.length());
        System.arraycopy(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, data, 16_380, 8);
        assertArrayEquals(data, out.toByteArray());
        out.seek(30_000);
        assertThrows(IOException.class, () -> out.write(new byte[10_001]));
        assertTrue(out.overflowed);
        assertEquals(30_000, out.toByteArray().length);
    }
}
