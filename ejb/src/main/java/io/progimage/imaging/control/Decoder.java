package io.progimage.imaging.control;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import io.progimage.imaging.control.ImageRejectedException.Reason;

import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * Turns untrusted bytes into an opaque sRGB {@code TYPE_INT_RGB} image, in two
 * steps so that nothing is allocated for pixels before the size is known:
 * {@link #open} detects the format from the content and reads only the header
 * (refusing too many pixels or frames), {@link Opened#read} decodes.
 *
 * <p>ImageIO plugins are written for trusted files: on hostile input they throw
 * whatever runtime exception the broken invariant produces, or for truncated
 * data merely warn and return an image padded with gray. Both are turned into
 * {@link ImageRejectedException} here.
 */
final class Decoder {

    /** More frames than this is not a photo but an attempt to make us do work. */
    static final int MAX_GIF_FRAMES = 256;

    private final long maxPixels;
    private final Codecs codecs;

    Decoder(long maxPixels) {
        this(maxPixels, Codecs.selected());
    }

    Decoder(long maxPixels, Codecs codecs) {
        this.maxPixels = maxPixels;
        this.codecs = codecs;
    }

    /** Detects the format, reads the header and checks the limits; nothing is decoded yet. */
    Opened open(byte[] data) throws ImageRejectedException {
        if (data == null || data.length == 0) {
            throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT, "empty input");
        }
        SourceFormat format = SourceFormat.detect(data);
        if (format == null) {
            throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT,
                    "not a JPEG, PNG, GIF, WebP, BMP or TIFF image");
        }
        if (format == SourceFormat.GIF) {
            int frames = GifFrames.count(data, MAX_GIF_FRAMES);
            if (frames < 0) {
                throw new ImageRejectedException(Reason.CORRUPT, "truncated or corrupt GIF");
            }
            if (frames > MAX_GIF_FRAMES) {
                throw new ImageRejectedException(Reason.TOO_LARGE,
                        "GIF has more than " + MAX_GIF_FRAMES + " frames");
            }
        }
        if (format == SourceFormat.BMP && DeclaredLength.isBmpTruncated(data)
                || format == SourceFormat.WEBP && DeclaredLength.isRiffTruncated(data)) {
            throw new ImageRejectedException(Reason.CORRUPT, "truncated " + format + ": shorter than its header says");
        }
        int orientation = ExifOrientation.read(data, format);
        NativeJpeg jpeg = format == SourceFormat.JPEG ? codecs.jpeg : null;
        if (jpeg != null) {
            NativeJpeg.Header header = openNative(jpeg, data);
            if (header != null) {
                ICC_Profile profile = IccProfiles.nonSrgbJpeg(data);
                try {
                    checkSize(header.width(), header.height());
                } catch (ImageRejectedException e) {
                    header.close();
                    throw e;
                }
                // the decoded int RGB image, plus up to 3 bytes per pixel of native
                // coefficients a progressive file keeps while it is decoded
                return new Opened(null, jpeg, header, format, header.width(), header.height(), orientation, profile,
                        NATIVE_RAW_BYTES);
            }
        }
        ICC_Profile profile = IccProfiles.nonSrgb(data, format);
        ImageReader reader = null;
        try {
            reader = Plugins.reader(format, codecs);
            reader.setInput(new ByteArrayImageInputStream(data), true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(width, height);
            Opened opened = new Opened(reader, null, null, format, width, height, orientation, profile,
                    rawBytesPerPixel(reader));
            reader = null; // now owned by the Opened
            return opened;
        } catch (ImageRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new ImageRejectedException(Reason.CORRUPT,
                    "cannot read the " + format + " header: " + describe(e), e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /**
     * The native header, or null for a file the TwelveMonkeys reader handles
     * better (CMYK and YCCK); a header TurboJPEG cannot parse is corrupt.
     */
    private static NativeJpeg.Header openNative(NativeJpeg jpeg, byte[] data) throws ImageRejectedException {
        NativeJpeg.Header header;
        try {
            header = jpeg.open(data);
        } catch (NativeJpeg.Failure e) {
            throw new ImageRejectedException(Reason.CORRUPT, "cannot read the JPEG header: " + e.getMessage(), e);
        }
        if (header.isCmyk()) {
            header.close();
            return null;
        }
        return header;
    }

    private void checkSize(int width, int height) throws ImageRejectedException {
        if (width <= 0 || height <= 0) {
            throw new ImageRejectedException(Reason.CORRUPT,
                    "header gives an empty size " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageRejectedException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                    "%dx%d is %.1f megapixels, more than the limit of %.1f",
                    width, height, pixels / 1e6, maxPixels / 1e6));
        }
    }

    /** See {@link #open}: what the plan counts for a native decode besides the int RGB image. */
    static final int NATIVE_RAW_BYTES = 3;

    /**
     * Heap per pixel of the image {@code reader.read} will return: its default
     * destination type, the first of {@code getImageTypes} (3 for a JPEG's BGR
     * bytes, 8 for a 16-bit RGBA PNG, 16 for a float TIFF). A reader that cannot
     * tell is assumed to take {@value #UNKNOWN_RAW_BYTES}.
     */
    static int rawBytesPerPixel(ImageReader reader) {
        try {
            java.util.Iterator<javax.imageio.ImageTypeSpecifier> types = reader.getImageTypes(0);
            if (types == null || !types.hasNext()) {
                return UNKNOWN_RAW_BYTES;
            }
            java.awt.image.SampleModel model = types.next().getSampleModel(1, 1);
            int bits = java.awt.image.DataBuffer.getDataTypeSize(model.getDataType()) * model.getNumDataElements();
            return Math.max(1, (bits + 7) / 8);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return UNKNOWN_RAW_BYTES; // reading the pixels will say what is wrong
        }
    }

    /** Four 32-bit samples per pixel: more than any reader we ship returns. */
    static final int UNKNOWN_RAW_BYTES = 16;

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A reader positioned on a header that passed the checks; close it when done. */
    static final class Opened implements AutoCloseable {
        /** The ImageIO reader, or null when {@link #jpeg} decodes. */
        private final ImageReader reader;
        private final NativeJpeg jpeg;
        private final NativeJpeg.Header header;
        final SourceFormat format;
        final int width;
        final int height;
        final int orientation;
        private final ICC_Profile profile;
        /** What {@link #readRaw} allocates per pixel before any conversion. */
        final int rawBytesPerPixel;
        /** The decoded image's {@link Alpha} plane, when asked for and it has one; else null. */
        BufferedImage alpha;

        private Opened(ImageReader reader, NativeJpeg jpeg, NativeJpeg.Header header, SourceFormat format,
                       int width, int height, int orientation, ICC_Profile profile, int rawBytesPerPixel) {
            this.reader = reader;
            this.jpeg = jpeg;
            this.header = header;
            this.rawBytesPerPixel = rawBytesPerPixel;
            this.format = format;
            this.width = width;
            this.height = height;
            this.orientation = orientation;
            this.profile = profile;
        }

        long pixels() {
            return (long) width * height;
        }

        /** True when decoding includes an ICC conversion into one more int RGB copy. */
        boolean convertsProfile() {
            return profile != null;
        }

        /** Decodes the first image into an opaque sRGB {@code TYPE_INT_RGB} image, or says why not. */
        BufferedImage read() throws ImageRejectedException {
            BufferedImage image = readRaw();
            return image.getType() == BufferedImage.TYPE_INT_RGB ? image : Orientation.IDENTITY.apply(image);
        }

        /**
         * Like {@link #read} but an sRGB {@code TYPE_3BYTE_BGR} image (what the
         * JPEG reader produces) is returned as is, for {@link Orientation#apply}
         * to convert while it rearranges.
         */
        BufferedImage readRaw() throws ImageRejectedException {
            return readRaw(true);
        }

        /**
         * As {@link #readRaw()}; {@code rearranged} says whether {@link Orientation#apply}
         * copies the result anyway. Then libjpeg-turbo decodes into BGR bytes too (3
         * bytes per pixel beside the 4 of the rearranged copy, not 4 + 4: the peak of a
         * job stays under 8 bytes per source pixel); otherwise straight into int RGB.
         */
        BufferedImage readRaw(boolean rearranged) throws ImageRejectedException {
            return readRaw(rearranged, false);
        }

        /**
         * As {@link #readRaw(boolean)}; with {@code keepAlpha} the transparency is kept in {@link
         * #alpha} first, for the encodings that have it (the colours are flattened as always).
         */
        BufferedImage readRaw(boolean rearranged, boolean keepAlpha) throws ImageRejectedException {
            BufferedImage image = reader == null ? decodeNative(rearranged) : decodeImageIo();
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new ImageRejectedException(Reason.CORRUPT, "decoded size "
                        + image.getWidth() + "x" + image.getHeight() + " contradicts the header");
            }
            if (keepAlpha) {
                alpha = Alpha.of(image);
            }
            if (profile != null) {
                return IccProfiles.toSrgb(Pixels.toOpaqueSrgb(image), profile);
            }
            boolean srgb = image.getColorModel().getColorSpace().isCS_sRGB();
            if (srgb && (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                    || rearranged && image.getType() == BufferedImage.TYPE_4BYTE_ABGR)) {
                return image; // Orientation.apply converts (and flattens) as it copies
            }
            return Pixels.toOpaqueSrgb(image);
        }

        private BufferedImage decodeNative(boolean bgr) throws ImageRejectedException {
            BufferedImage image;
            try {
                image = bgr ? new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR) : Pixels.newRgb(width, height);
            } catch (OutOfMemoryError e) {
                throw new ImageRejectedException(Reason.TOO_LARGE, "not enough memory to decode the JPEG image", e);
            }
            try {
                jpeg.decode(header, image);
            } catch (NativeJpeg.Failure e) {
                // as with the JDK's libjpeg: damage that is only warned about is
                // accepted, except a cut-off stream, whose missing part is gray
                if (!e.warning || isTruncation(e.getMessage())) {
                    throw new ImageRejectedException(Reason.CORRUPT,
                            (e.warning ? "truncated JPEG image: " : "cannot decode the JPEG image: ") + e.getMessage(), e);
                }
            }
            return image;
        }

        private BufferedImage decodeImageIo() throws ImageRejectedException {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image;
            try {
                ImageReadParam param = reader.getDefaultReadParam();
                image = reader.read(0, param);
            } catch (IOException | RuntimeException | StackOverflowError e) {
                throw new ImageRejectedException(Reason.CORRUPT,
                        "cannot decode the " + format + " image: " + describe(e), e);
            } catch (OutOfMemoryError e) {
                // Should not happen within the pixel limit and memory budget; if a
                // plugin over-allocates anyway, the job fails and the JVM lives on.
                throw new ImageRejectedException(Reason.TOO_LARGE,
                        "not enough memory to decode the " + format + " image", e);
            }
            for (String warning : warnings) {
                if (isTruncation(warning)) {
                    throw new ImageRejectedException(Reason.CORRUPT,
                            "truncated " + format + " image: " + warning);
                }
            }
            return image;
        }

        private boolean closed;

        /** Idempotent: the pipeline closes early to free the reader's buffers. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (reader != null) {
                    reader.dispose();
                } else {
                    header.close();
                }
            }
        }

        /**
         * libjpeg reports a cut-off stream only as the warning "Premature end of
         * JPEG file" and pads the rest with gray; other plugins use similar words.
         */
        private static boolean isTruncation(String warning) {
            String w = warning.toLowerCase(Locale.ROOT);
            return w.contains("premature end") || w.contains("truncat") || w.contains("eof")
                    || w.contains("end of file") || w.contains("end of stream");
        }
    }
}
