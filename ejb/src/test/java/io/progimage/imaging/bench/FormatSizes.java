package io.progimage.imaging.bench;

import io.progimage.imaging.control.Codecs;
import io.progimage.imaging.control.Encoding;
import io.progimage.imaging.control.ImagePipeline;
import io.progimage.imaging.control.MemoryBudget;
import io.progimage.imaging.control.OutputFormat;
import io.progimage.imaging.control.ProcessedImage;
import io.progimage.imaging.control.ProcessingOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The sizes of the WebP and JPEG outputs of {@code format: auto} at the same quality, per file
 * (issue 14, docs/performance.md), with each main image's PSNR against the pipeline's own
 * lossless (PNG) output of the same job, so that "smaller" is read beside "how faithful":
 * libwebp's and libjpeg's quality scales are not the same scale.
 *
 * One timed run of each job per file after a warm-up: an indication of what {@code auto}
 * costs, not a benchmark (that is JMH's, {@link PipelineBenchmark}).
 *
 * <p>{@code java ... FormatSizes QUALITY FILE...}; prints one {@code SIZES} line per file.
 */
public final class FormatSizes {

    private FormatSizes() {
    }

    public static void main(String[] args) throws Exception {
        int quality = Integer.parseInt(args[0]);
        ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(1000));
        ProcessingOptions auto = ProcessingOptions.defaults().withQuality(quality).withFormat(OutputFormat.AUTO);
        System.out.println("# " + Codecs.selected().describe() + "; quality " + quality + "; default thumbnail box");
        System.out.println("# SIZES file WxH | main JPEG, WebP bytes, WebP/JPEG | thumb JPEG, WebP | mini JPEG, WebP"
                + " | main PSNR dB JPEG, WebP | job s jpeg, auto");
        long[] totals = new long[6];
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            byte[] source = Files.readAllBytes(file);
            pipeline.process(source, auto); // warm-up
            long start = System.nanoTime();
            pipeline.process(source, auto.withFormat(OutputFormat.JPEG));
            long jpegNanos = System.nanoTime() - start;
            start = System.nanoTime();
            ProcessedImage out = pipeline.process(source, auto);
            long autoNanos = System.nanoTime() - start;
            ProcessedImage.Rendition jpeg = out.in(Encoding.JPEG);
            ProcessedImage.Rendition webp = out.in(Encoding.WEBP);
            BufferedImage exact = decode(pipeline.process(source, auto.withFormat(OutputFormat.PNG)).main());
            long[] sizes = {jpeg.main().length, webp.main().length, jpeg.thumb().length, webp.thumb().length,
                jpeg.mini().length, webp.mini().length};
            for (int k = 0; k < 6; k++) {
                totals[k] += sizes[k];
            }
            System.out.printf(Locale.ROOT, "SIZES %s %dx%d | %d %d %.2f | %d %d | %d %d | %.1f %.1f | %.2f %.2f%n",
                    file.getFileName(), out.width(), out.height(), sizes[0], sizes[1], sizes[1] / (double) sizes[0],
                    sizes[2], sizes[3], sizes[4], sizes[5],
                    psnr(exact, decode(jpeg.main())), psnr(exact, decodeWebp(webp.main())), jpegNanos / 1e9, autoNanos / 1e9);
        }
        System.out.printf(Locale.ROOT, "TOTAL | %d %d %.2f | %d %d %.2f | %d %d %.2f%n", totals[0], totals[1],
                totals[1] / (double) totals[0], totals[2], totals[3], totals[3] / (double) totals[2],
                totals[4], totals[5], totals[5] / (double) totals[4]);
    }

    private static BufferedImage decode(byte[] file) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(file));
    }

    /** With libwebp's own decoder (its fancy chroma upsampling), as browsers decode. */
    private static BufferedImage decodeWebp(byte[] file) throws IOException {
        javax.imageio.ImageReader reader = new com.luciad.imageio.webp.WebPImageReaderSpi().createReaderInstance(null);
        try (var in = new javax.imageio.stream.MemoryCacheImageInputStream(new ByteArrayInputStream(file))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /** Over the RGB channels, both flattened on white as the JPEG is (the reference and the WebP may carry alpha). */
    private static double psnr(BufferedImage a, BufferedImage b) {
        double sum = 0;
        int w = a.getWidth();
        int h = a.getHeight();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        for (int y = 0; y < h; y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            for (int x = 0; x < w; x++) {
                int p = onWhite(rowA[x]);
                int q = onWhite(rowB[x]);
                for (int shift = 0; shift <= 16; shift += 8) {
                    double d = (p >> shift & 0xFF) - (q >> shift & 0xFF);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * w * h);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    private static int onWhite(int argb) {
        int a = argb >>> 24;
        int rgb = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int c = argb >> shift & 0xFF;
            rgb |= ((c * a + 255 * (255 - a) + 127) / 255) << shift;
        }
        return rgb;
    }
}
