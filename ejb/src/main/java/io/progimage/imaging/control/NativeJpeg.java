package io.progimage.imaging.control;

import java.awt.image.BufferedImage;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Locale;

/**
 * libjpeg-turbo through its own Java binding, TurboJPEG (Debian's
 * {@code libturbojpeg-java}: {@code /usr/share/java/turbojpeg.jar} over
 * {@code libturbojpeg.so}). It decodes straight into the {@code int[]} of a
 * {@code TYPE_INT_RGB} image and encodes from it, with libjpeg-turbo's SIMD
 * code: 5–10x the JDK's libjpeg 6b, which also re-runs the IDCT after every scan
 * of a progressive file.
 *
 * <p>Why the binding is looked up at run time instead of compiled against: the
 * jar comes from a Debian package, not from Maven Central, so the build must not
 * need it; and it belongs on the server's class path (Payara Micro
 * {@code --addlibs}, a Payara Server domain's {@code lib/}), because a JNI
 * library can be loaded by one class loader only and a redeployed application
 * would otherwise lose it. Anything missing (jar, library, a method) makes
 * {@link #load} return null, and the JDK's codec is used.
 */
final class NativeJpeg {

    /** TurboJPEG's constants (org.libjpegturbo.turbojpeg.TJ, stable since 1.3). */
    private static final int SAMP_420 = 2;
    private static final int CS_CMYK = 3;
    private static final int CS_YCCK = 4;
    private static final int ERR_WARNING = 0;
    /** Refuses a progressive file of more than 500 scans, the known decode-time bomb. */
    private static final int FLAG_LIMITSCANS = 32768;

    private final String version;
    private final MethodHandle newDecompressor;   // (byte[]) -> TJDecompressor, reads the header
    private final MethodHandle width;
    private final MethodHandle height;
    private final MethodHandle colorspace;
    private final MethodHandle decompress;        // (TJDecompressor, BufferedImage, int flags)
    private final MethodHandle closeDecompressor;
    private final MethodHandle newCompressor;     // () -> TJCompressor
    private final MethodHandle setSource;         // (TJCompressor, BufferedImage, x, y, w, h)
    private final MethodHandle setSubsamp;
    private final MethodHandle setQuality;
    private final MethodHandle compress;          // (TJCompressor, int flags) -> byte[]
    private final MethodHandle compressedSize;
    private final MethodHandle closeCompressor;
    private final MethodHandle errorCode;         // (TJException) -> int

    private NativeJpeg(ClassLoader loader) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> d = Class.forName("org.libjpegturbo.turbojpeg.TJDecompressor", true, loader);
        Class<?> c = Class.forName("org.libjpegturbo.turbojpeg.TJCompressor", true, loader);
        Class<?> e = Class.forName("org.libjpegturbo.turbojpeg.TJException", true, loader);
        newDecompressor = lookup.findConstructor(d, MethodType.methodType(void.class, byte[].class));
        width = lookup.findVirtual(d, "getWidth", MethodType.methodType(int.class));
        height = lookup.findVirtual(d, "getHeight", MethodType.methodType(int.class));
        colorspace = lookup.findVirtual(d, "getColorspace", MethodType.methodType(int.class));
        decompress = lookup.findVirtual(d, "decompress",
                MethodType.methodType(void.class, BufferedImage.class, int.class));
        closeDecompressor = lookup.findVirtual(d, "close", MethodType.methodType(void.class));
        newCompressor = lookup.findConstructor(c, MethodType.methodType(void.class));
        setSource = lookup.findVirtual(c, "setSourceImage",
                MethodType.methodType(void.class, BufferedImage.class, int.class, int.class, int.class, int.class));
        setSubsamp = lookup.findVirtual(c, "setSubsamp", MethodType.methodType(void.class, int.class));
        setQuality = lookup.findVirtual(c, "setJPEGQuality", MethodType.methodType(void.class, int.class));
        compress = lookup.findVirtual(c, "compress", MethodType.methodType(byte[].class, int.class));
        compressedSize = lookup.findVirtual(c, "getCompressedSize", MethodType.methodType(int.class));
        closeCompressor = lookup.findVirtual(c, "close", MethodType.methodType(void.class));
        errorCode = lookup.findVirtual(e, "getErrorCode", MethodType.methodType(int.class));
        Package p = d.getPackage();
        version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "2.x";
    }

    /**
     * The binding if its classes are visible to {@code loader} and its native
     * library loads and round-trips an image; otherwise null, with the reason
     * in {@code why[0]}.
     */
    static NativeJpeg load(ClassLoader loader, String[] why) {
        try {
            NativeJpeg jpeg = new NativeJpeg(loader);
            // loads libturbojpeg (in TJ's static initializer) and proves both directions work
            BufferedImage probe = Pixels.newRgb(16, 16);
            Arrays.fill(Pixels.data(probe), 0x3366CC);
            Header header = jpeg.open(jpeg.encode(probe, 90));
            BufferedImage back = Pixels.newRgb(header.width(), header.height());
            jpeg.decode(header, back);
            int rgb = Pixels.data(back)[17 * 8];
            if (Math.abs((rgb >> 16 & 0xFF) - 0x33) > 4 || Math.abs((rgb & 0xFF) - 0xCC) > 4) {
                why[0] = String.format(Locale.ROOT, "round trip gave #%06x for #3366cc", rgb);
                return null;
            }
            return jpeg;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException | Failure e) {
            why[0] = e.toString();
            return null;
        }
    }

    String version() {
        return "libjpeg-turbo " + version + " (TurboJPEG)";
    }

    /** A parsed header: the decompressor holds the file until {@link #decode} or {@link Header#close}. */
    final class Header implements AutoCloseable {
        private final Object decompressor;
        private final int width;
        private final int height;
        private final int colorspace;

        private Header(Object decompressor) throws Throwable {
            this.decompressor = decompressor;
            this.width = (int) NativeJpeg.this.width.invoke(decompressor);
            this.height = (int) NativeJpeg.this.height.invoke(decompressor);
            this.colorspace = (int) NativeJpeg.this.colorspace.invoke(decompressor);
        }

        int width() {
            return width;
        }

        int height() {
            return height;
        }

        /** CMYK and YCCK (Adobe) files go to the TwelveMonkeys reader, which knows their inverted conventions. */
        boolean isCmyk() {
            return colorspace == CS_CMYK || colorspace == CS_YCCK;
        }

        @Override
        public void close() {
            try {
                closeDecompressor.invoke(decompressor);
            } catch (Throwable ignored) {
                // releasing native memory of a decoder that is gone anyway
            }
        }
    }

    /** Reads the header; a file TurboJPEG cannot parse is a {@link Failure}. */
    Header open(byte[] jpeg) throws Failure {
        try {
            return new Header(newDecompressor.invoke(jpeg));
        } catch (Throwable t) {
            throw failure(t);
        }
    }

    /**
     * Decodes into {@code rgb} ({@code TYPE_INT_RGB} of the header's size).
     * A warning (libjpeg's word for a truncated or damaged stream, after which
     * the rest of the image is gray) is thrown as a {@link Failure} with
     * {@code warning} set, the image being complete but for that damage.
     */
    void decode(Header header, BufferedImage rgb) throws Failure {
        try {
            decompress.invoke(header.decompressor, rgb, FLAG_LIMITSCANS);
        } catch (Throwable t) {
            throw failure(t);
        }
    }

    /** Baseline 4:2:0 at quality 0..100 (0 means 1, as in libjpeg's own scaling). */
    byte[] encode(BufferedImage rgb, int quality) throws Failure {
        Object compressor = null;
        try {
            compressor = newCompressor.invoke();
            setSource.invoke(compressor, rgb, 0, 0, rgb.getWidth(), rgb.getHeight());
            setSubsamp.invoke(compressor, SAMP_420);
            setQuality.invoke(compressor, Math.max(1, Math.min(100, quality)));
            // TurboJPEG allocates its worst case (tjBufSize, ~3 bytes per pixel) and fills part of it
            byte[] buffer = (byte[]) compress.invoke(compressor, 0);
            return Arrays.copyOf(buffer, (int) compressedSize.invoke(compressor));
        } catch (Throwable t) {
            throw failure(t);
        } finally {
            if (compressor != null) {
                try {
                    closeCompressor.invoke(compressor);
                } catch (Throwable ignored) {
                    // see Header.close
                }
            }
        }
    }

    private Failure failure(Throwable t) {
        if (t instanceof Error e && !(e instanceof LinkageError)) {
            throw e; // OutOfMemoryError and the like are not about the file
        }
        boolean warning = false;
        if (t instanceof java.io.IOException) {
            try {
                warning = (int) errorCode.invoke(t) == ERR_WARNING;
            } catch (Throwable ignored) {
                // not a TJException: a plain failure
            }
        }
        return new Failure(t.getMessage() == null ? t.toString() : t.getMessage(), warning, t);
    }

    /** TurboJPEG refused or warned; the message is libjpeg's. */
    static final class Failure extends Exception {
        final boolean warning;

        Failure(String message, boolean warning, Throwable cause) {
            super(message, cause);
            this.warning = warning;
        }
    }
}
