package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;

/**
 * The entry point the API uses: source bytes and options in, three JPEGs out.
 * Order: decode, EXIF orientation, rotation, filter, rounded corners, encode;
 * the thumbnail and the mini are scaled from the filtered image and get
 * corners whose radius is scaled in proportion, so they stay crisp. Both fit
 * their box exactly, so an image smaller than the box is scaled up.
 *
 * <p>Thread-safe and stateless apart from the shared {@link MemoryBudget}; one
 * instance can serve all requests (e.g. held by a stateless EJB).
 */
public final class ImagePipeline {

    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
    public static final int DEFAULT_THUMB_SIZE = 200;
    public static final int MINI_SIZE = 64;

    private final long maxPixels;
    private final Decoder decoder;
    private final MemoryBudget budget;

    /** 50 megapixels, memory budget from the heap. */
    public ImagePipeline() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImagePipeline(long maxPixels) {
        this(maxPixels, MemoryBudget.fromHeap());
    }

    public ImagePipeline(long maxPixels, MemoryBudget budget) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
        this.decoder = new Decoder(maxPixels);
        this.budget = budget;
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
        int degrees = Rotation.normalize(options.rotation());
        try (Decoder.Opened opened = decoder.open(source)) {
            // A skew rotation enlarges the canvas, enormously for a long thin image
            // (a 50000x1000 strip turned 45 degrees needs 36000x36000): the
            // canvas must pass the same limit and is paid for in the budget.
            long canvasPixels = 0;
            if (!Rotation.isQuarterTurn(degrees)) {
                long[] canvas = Rotation.canvas(opened.width, opened.height, degrees);
                canvasPixels = canvas[0] * canvas[1];
                if (canvasPixels > maxPixels) {
                    throw new ImageRejectedException(Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                            "rotated by %d degrees the image needs a %dx%d canvas, more than the limit of %.1f megapixels",
                            degrees, canvas[0], canvas[1], maxPixels / 1e6));
                }
            }
            try (MemoryBudget.Permit permit = budget.acquire(opened.pixels() + canvasPixels / 2)) {
                return process(opened, options, degrees);
            }
        }
    }

    private ProcessedImage process(Decoder.Opened opened, ProcessingOptions options, int degrees)
            throws ImageRejectedException {
        BufferedImage image = opened.readRaw(); // int RGB, or the JPEG reader's BGR bytes
        opened.close(); // let the reader's buffers go before the copies below

        Orientation exact = Orientation.exif(opened.orientation);
        if (Rotation.isQuarterTurn(degrees)) {
            exact = Orientation.quarterTurns(degrees / 90).after(exact);
        }
        image = exact.apply(image); // also converts BGR to int RGB, in the same pass
        if (!Rotation.isQuarterTurn(degrees)) {
            image = Rotation.arbitrary(image, degrees);
        }
        if (options.filter() != null) {
            image = options.filter().apply(image);
        }
        int width = image.getWidth();
        int height = image.getHeight();

        int[] thumbSize = options.thumbWidth() == null && options.thumbHeight() == null
                ? Resizer.fit(width, height, DEFAULT_THUMB_SIZE, DEFAULT_THUMB_SIZE)
                : Resizer.fit(width, height, options.thumbWidth(), options.thumbHeight());
        BufferedImage thumb = Resizer.resize(image, thumbSize[0], thumbSize[1]);
        // the mini from the thumbnail when that is big enough: same result, less work
        int[] miniSize = Resizer.fit(width, height, MINI_SIZE, MINI_SIZE);
        BufferedImage miniSource = thumb.getWidth() >= miniSize[0] && thumb.getHeight() >= miniSize[1]
                ? thumb : image;
        BufferedImage mini = Resizer.resize(miniSource, miniSize[0], miniSize[1]);

        Integer radius = options.cornerRadius();
        if (radius != null && radius > 0) {
            Corners.round(image, radius);
            Corners.round(thumb, scaled(radius, thumb.getWidth(), width));
            Corners.round(mini, scaled(radius, mini.getWidth(), width));
        }

        int q = options.quality();
        byte[] main = JpegEncoder.encode(image, q);
        return new ProcessedImage(main, JpegEncoder.encode(thumb, q), JpegEncoder.encode(mini, q),
                width, height, thumb.getWidth(), thumb.getHeight(), mini.getWidth(), mini.getHeight(),
                opened.format);
    }

    private static int scaled(int radius, int size, int mainSize) {
        return (int) Math.round(radius * (double) size / mainSize);
    }
}
