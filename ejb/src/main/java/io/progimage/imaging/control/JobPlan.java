package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every size a job will have, worked out from the header and the options
 * before a single pixel is decoded: the main image after orientation, rotation
 * and filter, the thumbnail and the mini, and the heap the job needs at its
 * peak. So a job the encoder could not finish (a side over
 * {@value JpegEncoder#MAX_SIDE}, whichever step makes it so) is refused up front
 * instead of failing after the work, and the {@link MemoryBudget} reserves what
 * the job really allocates, not just its source.
 *
 * <p>All arithmetic is in longs, and every pixel count is checked against
 * {@link #MAX_ARRAY_PIXELS} before anything is cast back to an int.
 *
 * @param mainWidth   width of the main output
 * @param mainHeight  height of the main output
 * @param thumbWidth  thumbnail width, 1..{@value ProcessingOptions#MAX_THUMB_SIDE}
 * @param thumbHeight thumbnail height, 1..{@value ProcessingOptions#MAX_THUMB_SIDE}
 * @param miniWidth   mini width, 1..64
 * @param miniHeight  mini height, 1..64
 * @param peakBytes   heap the job may hold at once, for {@link MemoryBudget#reserve}
 * @param encodings   the encodings of the outputs: the format's, less an optional one the image
 *                    cannot have ({@link OutputFormat#isOptional})
 * @param keepsAlpha  whether the job carries an {@link Alpha} plane: an encoding keeps
 *                    transparency, and the source may have some or the job makes some (a skew
 *                    rotation's canvas, rounded corners)
 */
record JobPlan(int mainWidth, int mainHeight, int thumbWidth, int thumbHeight, int miniWidth, int miniHeight,
               long peakBytes, List<Encoding> encodings, boolean keepsAlpha) {

    /** Largest int[] the JVM allocates (a few header words below Integer.MAX_VALUE). */
    static final long MAX_ARRAY_PIXELS = Integer.MAX_VALUE - 8;

    /** Bytes of one {@code TYPE_INT_RGB} pixel, the representation of every stage. */
    private static final int RGB = 4;

    /** Small arrays per job: resampling tables, box sums, encoder rows and tables. */
    static final long FIXED_BYTES = 2L * 1024 * 1024;

    /**
     * The plan for a {@code width x height} source (as stored, before EXIF
     * orientation).
     *
     * @param rawBytesPerPixel what the reader's own image takes per pixel
     * @param convertsProfile  whether decoding converts an ICC profile (one more copy)
     * @param maxPixels        the limit a skew rotation's canvas must keep too
     */
    static JobPlan of(int width, int height, int exifOrientation, int rawBytesPerPixel, boolean convertsProfile,
                      ProcessingOptions options, long maxPixels) throws ImageRejectedException {
        return of(width, height, exifOrientation, rawBytesPerPixel, convertsProfile, true, options, maxPixels);
    }

    /** @param alphaSource whether the source may be transparent (any format but JPEG) */
    static JobPlan of(int width, int height, int exifOrientation, int rawBytesPerPixel, boolean convertsProfile,
                      boolean alphaSource, ProcessingOptions options, long maxPixels) throws ImageRejectedException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("empty source " + width + "x" + height);
        }
        long source = (long) width * height;
        requireArray(source, width, height, "the image");
        int degrees = Rotation.normalize(options.rotation());
        boolean skew = !Rotation.isQuarterTurn(degrees);
        Orientation exact = Orientation.exif(exifOrientation);
        if (!skew) {
            exact = Orientation.quarterTurns(degrees / 90).after(exact);
        }
        // as ImagePipeline runs it: one exact rearrangement, then a skew rotation onto a larger canvas
        int orientedW = exact.swapsSides() ? height : width;
        int orientedH = exact.swapsSides() ? width : height;
        long rotatedW = orientedW;
        long rotatedH = orientedH;
        if (skew) {
            // A long thin image turned 45 degrees needs a huge canvas (50000x1000
            // becomes 36000x36000): the canvas must pass the pixel limit too.
            long[] canvas = Rotation.canvas(orientedW, orientedH, degrees);
            rotatedW = canvas[0];
            rotatedH = canvas[1];
            requireArray(rotatedW * rotatedH, rotatedW, rotatedH, "the rotated canvas");
            if (rotatedW * rotatedH > maxPixels) {
                throw new ImageRejectedException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                        "rotated by %d degrees the image needs a %dx%d canvas, more than the limit of %.1f megapixels",
                        degrees, rotatedW, rotatedH, maxPixels / 1e6));
            }
        }
        int margin = options.filter() == null ? 0 : options.filter().margin();
        long mainW = rotatedW + 2L * margin;
        long mainH = rotatedH + 2L * margin;
        List<Encoding> encodings = new ArrayList<>();
        for (Encoding encoding : options.format().encodings()) {
            boolean fits = mainW <= encoding.maxSide() && mainH <= encoding.maxSide();
            boolean available = encoding != Encoding.WEBP || WebpEncoder.available();
            if (fits && available) {
                encodings.add(encoding);
            } else if (!options.format().isOptional(encoding)) {
                throw fits ? new ImageRejectedException(Reason.INVALID_OPTIONS,
                        "this server cannot encode WebP (libwebp did not load); ask for jpeg, png or auto")
                        : new ImageRejectedException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                        "the processed image would be %dx%d pixels%s; a %s cannot have a side longer than %d pixels",
                        mainW, mainH, steps(skew, degrees, margin), encoding.label(), encoding.maxSide()));
            }
        }
        long main = mainW * mainH;
        requireArray(main, mainW, mainH, "the processed image");

        int[] box = options.thumbBox();
        int[] thumb = Resizer.fit((int) mainW, (int) mainH, box[0], box[1]);
        int[] mini = Resizer.fit((int) mainW, (int) mainH, ImagePipeline.MINI_SIZE, ImagePipeline.MINI_SIZE);
        long thumbPixels = (long) thumb[0] * thumb[1];
        long miniPixels = (long) mini[0] * mini[1];

        // The phases of ImagePipeline.process and what each holds at once (bytes):
        // decoding: the reader's image, its int RGB copy, one conversion in between
        // (colour space, or the reader's own buffers), an ICC conversion's copy; at
        // least MemoryBudget.BYTES_PER_PIXEL, the margin measured in docs/performance.md.
        long decodePerPixel = Math.max(MemoryBudget.BYTES_PER_PIXEL,
                rawBytesPerPixel + RGB + RGB + (convertsProfile ? RGB : 0));
        long decode = decodePerPixel * source;
        // skew rotation: the oriented image and the canvas
        long rotate = skew ? RGB * (source + rotatedW * rotatedH) : 0;
        // gotham: the image and its bordered copy
        long filter = margin > 0 ? RGB * (rotatedW * rotatedH + main) : 0;
        // thumbnail and mini: the main image, both results, and the box-filtered
        // intermediate of the larger source they are scaled from
        long shrunk = Math.max(shrunk(mainW, mainH, thumb), shrunk(Math.max(mainW, thumb[0]), Math.max(mainH, thumb[1]), mini));
        long resize = RGB * (main + thumbPixels + miniPixels + shrunk);
        // encoding: the three images, and per file its chunks plus the exact copy (the main
        // files are encoded while the derived ones are scaled: their intermediate too); an
        // image with transparency is composed once more as ARGB, and libwebp copies it to RGBA
        long three = main + thumbPixels + miniPixels;
        long encode = RGB * (three + shrunk);
        for (Encoding encoding : encodings) {
            encode += 2 * (maxBytes(encoding, mainW, mainH) + maxBytes(encoding, thumb[0], thumb[1])
                    + maxBytes(encoding, mini[0], mini[1]));
        }
        boolean rounded = options.cornerRadius() != null && options.cornerRadius() > 0;
        boolean keepsAlpha = encodings.stream().anyMatch(Encoding::hasAlpha) && (alphaSource || skew || rounded);
        // the alpha plane beside every stage's colours: the source's and its rearranged copy at
        // most, then the derived ones; and the ARGB composition and libwebp's RGBA copy
        long alpha = keepsAlpha ? 2 * RGB * Math.max(source, Math.max(rotatedW * rotatedH, main))
                + RGB * (thumbPixels + miniPixels + shrunk) + 2 * RGB * main : 0;
        long peak = Math.max(Math.max(decode, rotate), Math.max(filter, Math.max(resize, encode))) + alpha + FIXED_BYTES;
        return new JobPlan((int) mainW, (int) mainH, thumb[0], thumb[1], mini[0], mini[1], peak, List.copyOf(encodings),
                keepsAlpha);
    }

    private static long maxBytes(Encoding encoding, long width, long height) {
        return encoding == Encoding.PNG ? PngEncoder.maxBytes(width, height) : JpegEncoder.maxBytes(width, height);
    }

    /**
     * Pixels of the box-filtered intermediate {@link Resizer#resize} makes from
     * {@code w x h} for {@code target}: at most a quarter of the source (k >= 2),
     * rounded up per side.
     */
    private static long shrunk(long w, long h, int[] target) {
        long k = Math.min(w / target[0], h / target[1]);
        return k >= 2 ? ((w + k - 1) / k) * ((h + k - 1) / k) : 0;
    }

    private static void requireArray(long pixels, long w, long h, String what) throws ImageRejectedException {
        if (pixels > MAX_ARRAY_PIXELS) {
            throw new ImageRejectedException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                    "%s would be %dx%d pixels, more than one image can hold (%d)", what, w, h, MAX_ARRAY_PIXELS));
        }
    }

    /** What made the output larger than the source, for the message. */
    private static String steps(boolean skew, int degrees, int margin) {
        StringBuilder s = new StringBuilder();
        if (skew) {
            s.append(" after rotating by ").append(degrees).append(" degrees");
        }
        if (margin > 0) {
            s.append(skew ? " and" : "").append(" with the filter's ").append(margin).append(" px border");
        }
        return s.toString();
    }
}
