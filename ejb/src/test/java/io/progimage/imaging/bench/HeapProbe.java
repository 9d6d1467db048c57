package io.progimage.imaging.bench;

import io.progimage.imaging.control.ImagePipeline;
import io.progimage.imaging.control.MemoryBudget;
import io.progimage.imaging.control.ProcessingOptions;

/**
 * Peak heap of one job, measured the only way that counts: the smallest
 * {@code -Xmx} under which the benchmark job still completes (docs/performance.md
 * has the loop that searches it). Exit code 0 = completed, 3 = out of memory.
 * With argument {@code idle} it only warms up on a tiny image and prints the
 * heap in use, the baseline to subtract.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] source = args.length > 0 && args[0].equals("progressive") ? BenchImages.progressive() : BenchImages.baseline();
        ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(100));
        ProcessingOptions options = ProcessingOptions.defaults().withRotation(90).withThumbBox(100, 300);
        if (args.length > 0 && args[0].equals("idle")) {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.println("used after loading the photo: " + (rt.totalMemory() - rt.freeMemory()) / 1024 + " KiB");
            return;
        }
        try {
            System.out.println(pipeline.process(source, options).mainSize() + " bytes");
        } catch (OutOfMemoryError e) {
            System.exit(3);
        }
    }
}
