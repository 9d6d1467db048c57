package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input ends in ImageRejectedException with a reason and a clear message, and nothing else. */
class SafetyTest {

    private final ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(200));

    private ImageRejectedException rejected(byte[] data, Reason reason, String messagePart) {
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> pipeline.process(data, ProcessingOptions.defaults()));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        return e;
    }

    @Test
    void decompressionBombIsRefusedFromTheHeader() throws Exception {
        byte[] bomb = HostileImages.pngBomb(10_000); // 100 MP in a few kB
        assertTrue(bomb.length < 100_000);
        rejected(bomb, Reason.TOO_LARGE, "10000x10000");
        assertThrows(ImageRejectedException.class, () -> pipeline.readHeader(bomb));
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        byte[] bomb = HostileImages.pngBomb(2_000); // 4 MP: fine by default
        assertEquals(2000, pipeline.readHeader(bomb).width());
        ImagePipeline strict = new ImagePipeline(1_000_000, new MemoryBudget(10));
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> strict.readHeader(bomb));
        assertEquals(Reason.TOO_LARGE, e.reason());
    }

    @Test
    void skewRotationMayNotBlowALongStripPastTheLimit() throws Exception {
        ImagePipeline strict = new ImagePipeline(1_000_000, new MemoryBudget(10));
        byte[] strip = TestImages.png(Pixels.newRgb(4000, 10)); // 0.04 MP, but 2800x2800 at 45 degrees
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> strict.process(strip, ProcessingOptions.defaults().withRotation(45)));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("canvas"), e.getMessage());
        assertEquals(4000, strict.process(strip, ProcessingOptions.defaults().withRotation(180)).width());
    }

    @Test
    void permitsAreReturnedWhenAJobFails() {
        MemoryBudget budget = new MemoryBudget(10);
        ImagePipeline withBudget = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, budget);
        byte[] lying = HostileImages.pngLyingHeader(TestImages.png(TestImages.quadrants(64, 48)), 3000, 2000);
        assertThrows(ImageRejectedException.class, () -> withBudget.process(lying, ProcessingOptions.defaults()));
        assertEquals(10, budget.availableMegapixels());
    }

    @Test
    void lyingHeadersAreRefused() throws Exception {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48), 90, false);
        rejected(HostileImages.jpegLyingHeader(jpeg, 65500, 65500), Reason.TOO_LARGE, "65500x65500");
        byte[] png = TestImages.png(TestImages.quadrants(64, 48));
        rejected(HostileImages.pngLyingHeader(png, 65500, 65500), Reason.TOO_LARGE, "65500x65500");
        // within the limit the lie is found while decoding: the data runs out
        rejected(HostileImages.jpegLyingHeader(jpeg, 3000, 2000), Reason.CORRUPT, "JPEG");
        rejected(HostileImages.pngLyingHeader(png, 3000, 2000), Reason.CORRUPT, "PNG");
    }

    @Test
    void truncatedBaselineJpegIsRefused() {
        byte[] jpeg = TestImages.resource("mate-LadyBird.jpg");
        rejected(HostileImages.truncated(jpeg, 0.5), Reason.CORRUPT, "truncated");
    }

    @Test
    void truncatedProgressiveJpegIsRefused() {
        byte[] progressive = TestImages.jpeg(TestImages.quadrants(400, 300), 90, true);
        rejected(HostileImages.truncated(progressive, 0.6), Reason.CORRUPT, "truncated");
        byte[] real = TestImages.resource("progressive-video-001.jpeg");
        rejected(HostileImages.truncated(real, 0.5), Reason.CORRUPT, "truncated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yellow-rose-alpha.png", "video-001.gif", "yellow-rose-lossy-alpha.webp",
        "video-001-lossless.webp", "chelsea-cat.bmp", "video-001-lzw.tiff", "cmyk-ladybird.jpg"})
    void truncatedFilesOfEveryFormatAreRefused(String file) {
        byte[] cut = HostileImages.truncated(TestImages.resource(file), 0.5);
        assertThrows(ImageRejectedException.class, () -> pipeline.process(cut, ProcessingOptions.defaults()));
    }

    @Test
    void thousandFrameGifIsRefusedWithoutDecoding() {
        rejected(HostileImages.manyFrameGif(1000), Reason.TOO_LARGE, "frames");
    }

    @Test
    void fewFrameGifIsFine() throws Exception {
        assertEquals(1, pipeline.process(HostileImages.manyFrameGif(3), ProcessingOptions.defaults()).width());
    }

    @Test
    void corruptExifIsRefused() {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(64, 48), 90, false);
        rejected(HostileImages.corruptExifOffset(jpeg), Reason.CORRUPT, "EXIF");
        rejected(HostileImages.corruptExifCount(jpeg), Reason.CORRUPT, "EXIF");
        rejected(TestImages.withOrientation(jpeg, 9), Reason.CORRUPT, "orientation");
    }

    @Test
    void notAnImageIsRefused() {
        rejected(HostileImages.svg(), Reason.UNSUPPORTED_FORMAT, "not a JPEG");
        rejected("<html><body>hi</body></html>".getBytes(), Reason.UNSUPPORTED_FORMAT, "not a JPEG");
        rejected(HostileImages.randomBytes(10_000, 42), Reason.UNSUPPORTED_FORMAT, "not a JPEG");
        rejected(new byte[0], Reason.UNSUPPORTED_FORMAT, "empty");
        rejected(null, Reason.UNSUPPORTED_FORMAT, "empty");
    }

    @Test
    void randomBytesBehindARealSignatureAreRefused() {
        for (byte[] magic : new byte[][] {
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
            {'G', 'I', 'F', '8', '9', 'a'}, {'I', 'I', 42, 0}, {'M', 'M', 0, 42}}) {
            byte[] data = HostileImages.randomBytes(5_000, magic.length);
            System.arraycopy(magic, 0, data, 0, magic.length);
            assertThrows(ImageRejectedException.class, () -> pipeline.process(data, ProcessingOptions.defaults()));
        }
    }

    /**
     * Damaged real files: each either still decodes or is refused, but never
     * escapes as another exception (the decoders' AIOOBEs, NPEs, ...).
     */
    @ParameterizedTest
    @ValueSource(strings = {"exif-orientation-6.jpg", "progressive-video-001.jpeg", "video-001.gif",
        "video-001-lossless.webp", "yellow-rose-lossless-alpha.webp", "video-001-lzw.tiff", "gray-video-005.jpeg"})
    void corruptedBytesNeverEscapeAsAnotherException(String file) {
        byte[] original = TestImages.resource(file);
        Random random = new Random(file.hashCode());
        for (int round = 0; round < 25; round++) {
            byte[] data = original.clone();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            try {
                pipeline.process(data, ProcessingOptions.defaults());
            } catch (ImageRejectedException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            }
        }
    }
}
