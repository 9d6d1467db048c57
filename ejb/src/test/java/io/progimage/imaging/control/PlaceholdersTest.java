package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void theDominantColourIsTheMostCommonOneNotTheMean() {
        BufferedImage mini = Pixels.newRgb(64, 40);
        int[] p = Pixels.data(mini);
        for (int i = 0; i < p.length; i++) {
            // 60 % pure-ish green with a little noise inside one bucket, 40 % magenta
            p[i] = i % 5 < 3 ? 0x10C020 + (i % 3) : 0xC010B0;
        }
        Placeholders placeholders = Placeholders.of(mini);
        assertEquals("#10c021", placeholders.dominantColor());
        assertEquals(28, placeholders.blurhash().length(), "4x3 components: 4 + 2 * 12 characters");
        assertTrue(placeholders.blurhash().startsWith("L"), "the size digit of 4x3 is 'L' (3 + 2 * 9 = 21)");
    }

    @Test
    void theUploadedPipelineFillsThemIn() throws Exception {
        ProcessedImage out = new ImagePipeline().process(TestImages.resource("mate-LadyBird.jpg"), ProcessingOptions.defaults());
        assertTrue(out.placeholders().dominantColor().matches("#[0-9a-f]{6}"), out.placeholders().dominantColor());
        assertEquals(28, out.placeholders().blurhash().length());
    }
}
