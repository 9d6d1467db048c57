package io.progimage.imaging.bench;

import io.progimage.imaging.control.Codecs;
import io.progimage.imaging.control.ImagePipeline;
import io.progimage.imaging.control.ImageRejectedException;
import io.progimage.imaging.control.MemoryBudget;
import io.progimage.imaging.control.ProcessedImage;
import io.progimage.imaging.control.ProcessingOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pipeline run exactly as {@code ../shared/bench/sharp-pipeline.mjs} runs sharp, printing
 * the same {@code RESULT} lines (tool, workers, pass, file, width, height, wall s, CPU s) so
 * that {@code bench/pipeline-vs-sharp} compares both from one run: decode, flatten on white,
 * rotate 90, JPEG q90 4:2:0 of the full image, a thumbnail fitting 100x300 and a 64x64 mini.
 * CPU is the whole process's (GC and JIT threads included), as {@code process.cpuUsage()} is
 * for node.
 *
 * <p>{@code java ... PipelineRun RUNS WARMUP FILE...}
 */
public final class PipelineRun {

    private PipelineRun() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        List<Path> files = new ArrayList<>();
        List<byte[]> sources = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
            sources.add(Files.readAllBytes(files.get(files.size() - 1)));
        }
        ImagePipeline pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(1000));
        ProcessingOptions options = ProcessingOptions.defaults().withQuality(90).withRotation(90).withThumbBox(100, 300);
        String tool = Codecs.selected().allNative() ? "progimage" : "progimage-fallback";
        System.out.println("# " + tool + ": " + Codecs.selected().describe() + "; java " + Runtime.version()
                + ", " + Runtime.getRuntime().availableProcessors() + " cpu");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 1 - warmup; pass <= runs; pass++) {
            for (int i = 0; i < files.size(); i++) {
                long wall = System.nanoTime();
                long cpu = os.getProcessCpuTime();
                try {
                    // the JVM reads process CPU time in clock ticks (10 ms): a small image is
                    // run until a quarter of a second has passed, and the time divided
                    ProcessedImage out;
                    int reps = 0;
                    do {
                        out = pipeline.process(sources.get(i), options);
                        reps++;
                    } while (System.nanoTime() - wall < 250_000_000L);
                    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9 / reps;
                    double wallSeconds = (System.nanoTime() - wall) / 1e9 / reps;
                    if (pass >= 1) {
                        // the source's size, as sharp reports it: the output is rotated
                        System.out.println(String.join("\t", "RESULT", tool, "1", Integer.toString(pass),
                                files.get(i).getFileName().toString(), Integer.toString(out.height()),
                                Integer.toString(out.width()), String.format(Locale.ROOT, "%.6f", wallSeconds),
                                String.format(Locale.ROOT, "%.6f", cpuSeconds)));
                    }
                } catch (ImageRejectedException e) {
                    if (pass >= 1) {
                        System.out.println(String.join("\t", "ERROR", tool, "1", Integer.toString(pass),
                                files.get(i).getFileName().toString(), e.getMessage()));
                    }
                }
            }
        }
    }
}
