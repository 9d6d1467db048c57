package io.progimage.imaging.control;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * Hands out ImageIO readers and the JPEG writer without depending on service
 * discovery or changing ImageIO's global registry.
 *
 * <p>Why: ImageIO discovers plugins through the thread's context class loader
 * once per registry. Inside a WAR on Payara that loader is not necessarily the
 * one that sees the TwelveMonkeys jars (and the registry may have been filled
 * before the application was deployed), so {@code ImageIO.read} would silently
 * fall back to the JDK's JPEG reader (wrong CMYK colours) and find no WebP
 * reader at all. Registering the plugins globally instead would pin the
 * application's class loader in the JVM-wide registry across redeployments.
 * So the TwelveMonkeys providers are instantiated here and kept in a private
 * registry; the JPEG provider needs one because it finds the JDK reader it
 * delegates to in {@code onRegistration}. PNG, GIF and BMP are read by the
 * JDK's own readers, which are always in the global registry.
 */
final class Plugins {

    private static final String JDK_JPEG_READER = "com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi";

    private static final JPEGImageReaderSpi JPEG = new JPEGImageReaderSpi();
    private static final WebPImageReaderSpi WEBP = new WebPImageReaderSpi();
    private static final TIFFImageReaderSpi TIFF = new TIFFImageReaderSpi();

    static {
        ServiceRegistry own = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        Iterator<ImageReaderSpi> jdk = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class,
                spi -> spi.getClass().getName().equals(JDK_JPEG_READER), false);
        if (!jdk.hasNext()) {
            throw new IllegalStateException("the JDK's JPEG reader is missing");
        }
        own.registerServiceProvider(jdk.next(), ImageReaderSpi.class);
        own.registerServiceProvider(JPEG, ImageReaderSpi.class); // finds its delegate here
        own.registerServiceProvider(TIFF, ImageReaderSpi.class);
    }

    private Plugins() {
    }

    /** A fresh reader (readers are not thread-safe) for the format; the caller disposes it. */
    static ImageReader reader(SourceFormat format) throws IOException {
        return reader(format, Codecs.FALLBACK);
    }

    /** As {@link #reader(SourceFormat)}, with libwebp's reader for WebP when {@code codecs} have it. */
    static ImageReader reader(SourceFormat format, Codecs codecs) throws IOException {
        return switch (format) {
            case JPEG -> JPEG.createReaderInstance(null);
            case WEBP -> codecs.webp ? NativeWebp.reader() : WEBP.createReaderInstance(null);
            case TIFF -> TIFF.createReaderInstance(null);
            case PNG -> jdkReader("png");
            case GIF -> jdkReader("gif");
            case BMP -> jdkReader("bmp");
        };
    }

    /** The JDK's baseline JPEG writer: it writes 4:2:0 baseline by default and needs no plugin. */
    static ImageWriter jpegWriter() {
        return jdkWriter("jpeg");
    }

    /** The JDK's PNG writer (TwelveMonkeys has none; another plugin on the class path is not chosen). */
    static ImageWriter pngWriter() {
        return jdkWriter("png");
    }

    private static ImageWriter jdkWriter(String formatName) {
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(formatName); it.hasNext(); ) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return writer;
            }
            if (fallback == null) {
                fallback = writer;
            } else {
                writer.dispose();
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no " + formatName + " writer in this JVM");
        }
        return fallback;
    }

    private static ImageReader jdkReader(String formatName) {
        ImageReader chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(formatName); it.hasNext(); ) {
            ImageReader reader = it.next();
            if (chosen == null && reader.getClass().getName().startsWith("com.sun.imageio.")) {
                chosen = reader;
            } else {
                reader.dispose();
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("the JDK's " + formatName + " reader is missing");
        }
        return chosen;
    }
}
