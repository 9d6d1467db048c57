package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

class PluginsTest {

    @Test
    void twelveMonkeysReadersAreUsedForJpegWebpAndTiff() throws Exception {
        for (SourceFormat format : new SourceFormat[] {SourceFormat.JPEG, SourceFormat.WEBP, SourceFormat.TIFF}) {
            ImageReader reader = Plugins.reader(format);
            try {
                assertTrue(reader.getClass().getName().startsWith("com.twelvemonkeys."), reader.getClass().getName());
            } finally {
                reader.dispose();
            }
        }
    }

    /** As in a WAR whose context class loader cannot see the plugin jars. */
    @Test
    void decodingDoesNotDependOnTheContextClassLoader() throws Exception {
        byte[] webp = TestImages.resource("yellow-rose-lossy-alpha.webp");
        byte[] cmyk = TestImages.resource("cmyk-ladybird.jpg");
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(10));
            try {
                result.set(pipeline.process(webp, ProcessingOptions.defaults()).width() + "/"
                        + pipeline.process(cmyk, ProcessingOptions.defaults()).width());
            } catch (Exception | Error e) {
                result.set(e);
            }
        });
        thread.setContextClassLoader(new URLClassLoader(new URL[0], null));
        thread.start();
        thread.join();
        assertEquals("400/640", result.get());
    }
}
