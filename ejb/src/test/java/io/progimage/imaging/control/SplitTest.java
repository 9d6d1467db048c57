package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A job split over two threads gives exactly the bytes of the same job on one. */
class SplitTest {

    private static final ExecutorService HELPER = Executors.newFixedThreadPool(1);

    @AfterAll
    static void stop() {
        HELPER.shutdownNow();
    }

    @Test
    void everyFilterWithAndWithoutCornersGivesTheSameBytesOnTwoThreads() throws Exception {
        byte[] photo = TestImages.resource("mate-LadyBird.jpg");
        ImagePipeline alone = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(100));
        ImagePipeline split = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(100), HELPER);
        for (Filter filter : Filter.values()) {
            for (Integer radius : new Integer[] {null, 40}) {
                ProcessingOptions options = new ProcessingOptions(90, 100, 300, 90, filter, radius);
                ProcessedImage a = alone.process(photo, options);
                ProcessedImage b = split.process(photo, options);
                assertArrayEquals(a.main(), b.main(), filter + " " + radius);
                assertArrayEquals(a.thumb(), b.thumb(), filter + " " + radius);
                assertArrayEquals(a.mini(), b.mini(), filter + " " + radius);
            }
        }
    }

    @Test
    void gothamsBorderDrawnByTheRotationIsTheFiltersOwn() throws Exception {
        byte[] photo = TestImages.resource("mate-LadyBird.jpg");
        ProcessingOptions options = new ProcessingOptions(90, 100, 300, 90, Filter.GOTHAM, null);
        ProcessedImage fused = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(100), HELPER)
                .process(photo, options);
        java.awt.image.BufferedImage decoded;
        try (Decoder.Opened opened = new Decoder(ImagePipeline.DEFAULT_MAX_PIXELS).open(photo)) {
            decoded = opened.read();
        }
        java.awt.image.BufferedImage separate = Filter.GOTHAM.apply(Orientation.quarterTurns(1).apply(decoded));
        assertArrayEquals(JpegEncoder.encode(separate, 90), fused.main());
    }

    @Test
    void aHelperThatRefusesWorkMakesTheJobSequential() throws Exception {
        String result = Split.both(task -> {
            throw new RejectedExecutionException("full");
        }, () -> { }, () -> "second ran here");
        assertEquals("second ran here", result);
    }

    @Test
    void aRefusalOnTheHelperReachesTheCaller() {
        ImageRejectedException refused = new ImageRejectedException(ImageRejectedException.Reason.TOO_LARGE, "no");
        assertEquals(refused, assertThrows(ImageRejectedException.class, () -> Split.both(HELPER, () -> { }, () -> {
            throw refused;
        })));
    }
}
