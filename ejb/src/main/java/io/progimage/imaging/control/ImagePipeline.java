package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.util.concurrent.Executor;

/**
 * The entry point the API uses: source bytes and options in, three JPEGs out.
 * Order: decode, EXIF orientation, rotation, filter, rounded corners, encode;
 * the thumbnail and the mini are scaled from the filtered image and get
 * corners whose radius is scaled in proportion, so they stay crisp. Both fit
 * their box exactly, so an image smaller than the box is scaled up. All sizes,
 * and the heap the job reserves in the budget, are planned from the header
 * before decoding ({@link JobPlan}).
 *
 * <p>Thread-safe and stateless apart from the shared {@link MemoryBudget}; one
 * instance can serve all requests (e.g. held by a stateless EJB).
 */
public final class ImagePipeline {

    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final int DEFAULT_THUMB_SIZE = ProcessingOptions.DEFAULT_THUMB_SIDE;
    public static final int MINI_SIZE = 64;

    private final long maxPixels;
    private final Decoder decoder;
    private final MemoryBudget budget;
    private final Executor helper;

    /** 50 megapixels, memory budget from the heap. */
    public ImagePipeline() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImagePipeline(long maxPixels) {
        this(maxPixels, MemoryBudget.fromHeap(MemoryBudget.DEFAULT_WAIT));
    }

    public ImagePipeline(long maxPixels, MemoryBudget budget) {
        this(maxPixels, budget, null);
    }

    /**
     * @param helper where a job offers the half of its work that can run beside the
     *               other ({@link Split}), or null to run every job on its caller's thread
     */
    public ImagePipeline(long maxPixels, MemoryBudget budget, Executor helper) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
        this.decoder = new Decoder(maxPixels);
        this.budget = budget;
        this.helper = helper;
    }

    /** The format judged from the content, or null when it is none we accept. */
    public SourceFormat detectFormat(byte[] source) {
        return SourceFormat.detect(source);
    }

    /**
     * Format and displayed size from the header alone, after the same checks as
     * {@link #process} (format, pixel limit, frame count, EXIF sanity).
     */
    public ImageHeader readHeader(byte[] source) throws ImageRejectedException {
        try (Decoder.Opened opened = decoder.open(source)) {
            boolean sideways = Orientation.exif(opened.orientation).swapsSides();
            return new ImageHeader(opened.format,
                    sideways ? opened.height : opened.width, sideways ? opened.width : opened.height);
        }
    }

    public ProcessedImage process(byte[] source, ProcessingOptions options) throws ImageRejectedException {
        if (options == null) {
            throw new ImageRejectedException(Reason.INVALID_OPTIONS, "options are required");
        }
        try (Decoder.Opened opened = decoder.open(source)) {
            // every output size and the job's peak heap, from the header alone:
            // what cannot be encoded is refused before any pixel is decoded
            JobPlan plan = JobPlan.of(opened.width, opened.height, opened.orientation, opened.rawBytesPerPixel,
                    opened.convertsProfile(), options, maxPixels);
            try (MemoryBudget.Permit permit = budget.reserve(plan.peakBytes())) {
                return process(opened, options, plan);
            } catch (Rejected e) {
                throw (ImageRejectedException) e.getCause();
            }
        }
    }

    private ProcessedImage process(Decoder.Opened opened, ProcessingOptions options, JobPlan plan)
            throws ImageRejectedException {
        int degrees = Rotation.normalize(options.rotation());
        Orientation exact = Orientation.exif(opened.orientation);
        if (Rotation.isQuarterTurn(degrees)) {
            exact = Orientation.quarterTurns(degrees / 90).after(exact);
        }
        int frame = options.filter() != null && Rotation.isQuarterTurn(degrees) ? options.filter().margin() : 0;
        // int RGB, or BGR bytes (the JPEG readers') that the rearrangement converts as it copies
        BufferedImage image = opened.readRaw(!exact.equals(Orientation.IDENTITY) || frame > 0);
        opened.close(); // let the reader's buffers go before the copies below

        // one pass: converts BGR (and flattens RGBA) to int RGB, and draws gotham's border
        image = exact.apply(image, helper, frame);
        if (!Rotation.isQuarterTurn(degrees)) {
            image = Rotation.arbitrary(image, degrees);
        }
        if (frame > 0) {
            options.filter().applyFramed(image, helper);
        } else if (options.filter() != null) {
            image = options.filter().apply(image, helper);
        }
        int width = image.getWidth();
        int height = image.getHeight();
        if (width != plan.mainWidth() || height != plan.mainHeight()) {
            // the budget and the encoder limit were decided on the plan's size
            throw new IllegalStateException("processed " + width + "x" + height + ", planned "
                    + plan.mainWidth() + "x" + plan.mainHeight());
        }

        int q = options.quality();
        Integer radius = options.cornerRadius();
        BufferedImage main = image;
        if (radius == null || radius <= 0) {
            // the main JPEG on this thread, the derived ones beside it: both only read the image
            byte[][] encoded = new byte[1][];
            Derived derived = Split.both(helper, () -> encoded[0] = encodeMain(main, q),
                    () -> Derived.of(main, plan, 0, q));
            return derived.with(encoded[0], main, opened.format);
        }
        // rounded corners change the image in place: the derived ones are scaled first
        Derived derived = Derived.of(main, plan, radius, q);
        Corners.round(main, radius);
        return derived.with(JpegEncoder.encode(main, q), main, opened.format);
    }

    private static byte[] encodeMain(BufferedImage image, int q) {
        try {
            return JpegEncoder.encode(image, q);
        } catch (ImageRejectedException e) {
            throw new Rejected(e); // through the Runnable of Split.both, unwrapped in process
        }
    }

    /** The thumbnail and the mini, encoded, and the placeholders drawn from the mini. */
    private record Derived(BufferedImage thumb, BufferedImage mini, byte[] thumbJpeg, byte[] miniJpeg,
                           Placeholders placeholders) {

        /** Scales both from {@code image} (not changed), rounds their corners, encodes them. */
        static Derived of(BufferedImage image, JobPlan plan, int radius, int q) throws ImageRejectedException {
            BufferedImage thumb = Resizer.resize(image, plan.thumbWidth(), plan.thumbHeight());
            // the mini from the thumbnail when that is big enough: same result, less work
            BufferedImage miniSource = thumb.getWidth() >= plan.miniWidth() && thumb.getHeight() >= plan.miniHeight()
                    ? thumb : image;
            BufferedImage mini = Resizer.resize(miniSource, plan.miniWidth(), plan.miniHeight());
            if (radius > 0) {
                Corners.round(thumb, scaled(radius, thumb.getWidth(), image.getWidth()));
                Corners.round(mini, scaled(radius, mini.getWidth(), image.getWidth()));
            }
            return new Derived(thumb, mini, JpegEncoder.encode(thumb, q), JpegEncoder.encode(mini, q),
                    Placeholders.of(mini));
        }

        ProcessedImage with(byte[] mainJpeg, BufferedImage main, SourceFormat format) {
            return new ProcessedImage(mainJpeg, thumbJpeg, miniJpeg, main.getWidth(), main.getHeight(),
                    thumb.getWidth(), thumb.getHeight(), mini.getWidth(), mini.getHeight(), format, placeholders);
        }
    }

    /** An {@link ImageRejectedException} on its way out of a {@link Runnable}. */
    private static final class Rejected extends RuntimeException {
        Rejected(ImageRejectedException cause) {
            super(cause);
        }
    }

    private static int scaled(int radius, int size, int mainSize) {
        // a huge radius on a thumbnail larger than the main image must not wrap around
        return (int) Math.min(Integer.MAX_VALUE, Math.round(radius * (double) size / mainSize));
    }
}
