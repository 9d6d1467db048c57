package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The build runs the imaging suite twice: on the native codecs, which it installs and then
 * requires ({@code progimage.imaging.require-native}), and forced onto the fallback.
 */
class CodecsTest {

    @Test
    void theRunUsesTheCodecsItAskedFor() {
        Codecs codecs = Codecs.selected();
        if ("off".equals(System.getProperty(Codecs.SETTING))) {
            assertSame(Codecs.FALLBACK, codecs);
            assertTrue(codecs.describe().contains("pure Java"), codecs.describe());
        }
        if (Boolean.getBoolean("progimage.imaging.require-native")) {
            assertTrue(codecs.allNative(), "native codecs required, but: " + codecs.describe());
            assertTrue(codecs.describe().startsWith("JPEG: libjpeg-turbo"), codecs.describe());
        }
    }

    @Test
    void offMeansThePureJavaPath() {
        assertSame(Codecs.FALLBACK, Codecs.select("off"));
        assertNull(Codecs.FALLBACK.jpeg);
    }

    @Test
    void aTypoIsRefusedRatherThanReadAsOff() {
        assertThrows(IllegalArgumentException.class, () -> Codecs.select("native"));
    }

    @Test
    void aClassLoaderWithoutTheBindingGivesTheReason() {
        String[] why = new String[1];
        assertNull(NativeJpeg.load(new ClassLoader(null) { }, why));
        assertNotNull(why[0]);
        assertTrue(why[0].contains("ClassNotFoundException"), why[0]);
    }

    @Test
    void nativeRoundTripIsAsGoodAsTheJdks() throws Exception {
        Codecs codecs = Codecs.select("auto");
        if (codecs.jpeg == null) {
            return; // nothing to compare with on this machine; theRunUsesTheCodecsItAskedFor guards CI
        }
        java.awt.image.BufferedImage photo = Pixels.toOpaqueSrgb(TestImages.decode(TestImages.resource("mate-LadyBird.jpg")));
        NativeJpeg.Header header = codecs.jpeg.open(codecs.jpeg.encode(photo, 90));
        assertEquals(photo.getWidth(), header.width());
        java.awt.image.BufferedImage turbo = Pixels.newRgb(header.width(), header.height());
        codecs.jpeg.decode(header, turbo);
        header.close();
        java.awt.image.BufferedImage jdk = TestImages.decode(TestImages.jpeg(photo, 90, false));
        double turboPsnr = TestImages.psnr(photo, turbo);
        double jdkPsnr = TestImages.psnr(photo, jdk);
        assertTrue(turboPsnr > jdkPsnr - 0.5 && turboPsnr > 35, "libjpeg-turbo " + turboPsnr + " dB, JDK " + jdkPsnr);
    }
}
