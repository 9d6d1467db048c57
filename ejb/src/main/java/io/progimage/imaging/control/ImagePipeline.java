package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The entry point the API uses: source bytes and options in, three files per
 * encoding out (JPEG, WebP, PNG; {@link OutputFormat}).
 * Order: decode, EXIF orientation, rotation, filter, rounded corners, encode;
 * the thumbnail and the mini are scaled from the filtered image and get
 * corners whose radius is scaled in proportion, so they stay crisp. Both fit
 * their box exactly, so an image smaller than the box is scaled up. All sizes,
 * and the heap the job reserves in the budget, are planned from the header
 * before decoding ({@link JobPlan}). For WebP and PNG the transparency is kept
 * as an {@link Alpha} plane beside the colours; the skew rotation's canvas and
 * rounded corners are transparent there (white in JPEG).
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
                    opened.convertsProfile(), opened.format != SourceFormat.JPEG, options, maxPixels);
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
        boolean skew = !Rotation.isQuarterTurn(degrees);
        Orientation exact = Orientation.exif(opened.orientation);
        if (!skew) {
            exact = Orientation.quarterTurns(degrees / 90).after(exact);
        }
        int frame = options.filter() != null && !skew ? options.filter().margin() : 0;
        Integer radius = options.cornerRadius();
        boolean rounded = radius != null && radius > 0;
        // int RGB, or BGR bytes (the JPEG readers') that the rearrangement converts as it copies
        BufferedImage image = opened.readRaw(!exact.equals(Orientation.IDENTITY) || frame > 0, plan.keepsAlpha());
        BufferedImage alpha = opened.alpha;
        opened.close(); // let the reader's buffers go before the copies below

        // one pass: converts BGR (and flattens RGBA) to int RGB, and draws gotham's border
        image = exact.apply(image, helper, frame);
        if (alpha != null) {
            alpha = exact.apply(alpha, helper, frame);
            Alpha.opaqueBorder(alpha, frame);
        } else if (plan.keepsAlpha() && (skew || rounded)) {
            // an opaque source whose rotated canvas or corners become transparent
            alpha = Alpha.opaque(image.getWidth(), image.getHeight());
        }
        if (skew) {
            image = Rotation.arbitrary(image, degrees);
            alpha = alpha == null ? null : Rotation.arbitrary(alpha, degrees, Alpha.TRANSPARENT);
        }
        if (frame > 0) {
            options.filter().applyFramed(image, helper);
        } else if (options.filter() != null) {
            image = options.filter().apply(image, helper);
            alpha = alpha == null || options.filter().margin() == 0 ? alpha : Alpha.framed(alpha, options.filter().margin());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        if (width != plan.mainWidth() || height != plan.mainHeight()) {
            // the budget and the encoder limit were decided on the plan's size
            throw new IllegalStateException("processed " + width + "x" + height + ", planned "
                    + plan.mainWidth() + "x" + plan.mainHeight());
        }

        int q = options.quality();
        Layers main = new Layers(image, alpha);
        List<Encoding> encodings = plan.encodings();
        if (!rounded) {
            // the main files on this thread, the derived ones beside it: both only read the image
            byte[][] encoded = new byte[encodings.size()][];
            Derived derived = Split.both(helper, () -> encodeMain(main, encodings, q, encoded),
                    () -> Derived.of(main, plan, 0, q));
            return derived.with(encoded, main, opened.format);
        }
        // rounded corners change the image in place: the derived ones are scaled first
        Derived derived = Derived.of(main, plan, radius, q);
        main.round(radius);
        return derived.with(main.encodeAll(encodings, q), main, opened.format);
    }

    private static void encodeMain(Layers main, List<Encoding> encodings, int q, byte[][] into) {
        try {
            byte[][] encoded = main.encodeAll(encodings, q);
            System.arraycopy(encoded, 0, into, 0, encoded.length);
        } catch (ImageRejectedException e) {
            throw new Rejected(e); // through the Runnable of Split.both, unwrapped in process
        }
    }

    /**
     * An image's colours (opaque int RGB, flattened on white) and, for the encodings that keep
     * transparency, its {@link Alpha} plane or null; every step changes both alike.
     */
    private record Layers(BufferedImage rgb, BufferedImage alpha) {

        Layers resize(int width, int height) {
            return new Layers(Resizer.resize(rgb, width, height), alpha == null ? null : Resizer.resize(alpha, width, height));
        }

        /** White corners in the colours; transparent ones where there is an alpha. */
        void round(int radius) {
            Corners.round(rgb, radius);
            if (alpha != null) {
                Corners.round(alpha, radius, 0);
            }
        }

        byte[][] encodeAll(List<Encoding> encodings, int q) throws ImageRejectedException {
            byte[][] encoded = new byte[encodings.size()][];
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = switch (encodings.get(i)) {
                    case JPEG -> JpegEncoder.encode(rgb, q);
                    case WEBP -> WebpEncoder.encode(rgb, alpha, q);
                    case PNG -> PngEncoder.encode(rgb, alpha);
                };
            }
            return encoded;
        }
    }

    /** The thumbnail and the mini, encoded, and the placeholders drawn from the mini. */
    private record Derived(Layers thumb, Layers mini, byte[][] thumbFiles, byte[][] miniFiles, List<Encoding> encodings,
                           Placeholders placeholders) {

        /** Scales both from {@code image} (not changed), rounds their corners, encodes them. */
        static Derived of(Layers image, JobPlan plan, int radius, int q) throws ImageRejectedException {
            Layers thumb = image.resize(plan.thumbWidth(), plan.thumbHeight());
            // the mini from the thumbnail when that is big enough: same result, less work
            Layers miniSource = thumb.rgb().getWidth() >= plan.miniWidth() && thumb.rgb().getHeight() >= plan.miniHeight()
                    ? thumb : image;
            Layers mini = miniSource.resize(plan.miniWidth(), plan.miniHeight());
            int mainWidth = image.rgb().getWidth();
            if (radius > 0) {
                thumb.round(scaled(radius, thumb.rgb().getWidth(), mainWidth));
                mini.round(scaled(radius, mini.rgb().getWidth(), mainWidth));
            }
            return new Derived(thumb, mini, thumb.encodeAll(plan.encodings(), q), mini.encodeAll(plan.encodings(), q),
                    plan.encodings(), Placeholders.of(mini.rgb()));
        }

        ProcessedImage with(byte[][] mainFiles, Layers main, SourceFormat format) {
            List<ProcessedImage.Rendition> renditions = new ArrayList<>();
            for (int i = 0; i < encodings.size(); i++) {
                renditions.add(new ProcessedImage.Rendition(encodings.get(i), mainFiles[i], thumbFiles[i], miniFiles[i]));
            }
            return new ProcessedImage(renditions, main.rgb().getWidth(), main.rgb().getHeight(),
                    thumb.rgb().getWidth(), thumb.rgb().getHeight(), mini.rgb().getWidth(), mini.rgb().getHeight(),
                    format, placeholders);
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
