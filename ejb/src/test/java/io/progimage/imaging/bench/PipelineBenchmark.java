package io.progimage.imaging.bench;

import io.progimage.imaging.control.ImagePipeline;
import io.progimage.imaging.control.ImageRejectedException;
import io.progimage.imaging.control.MemoryBudget;
import io.progimage.imaging.control.ProcessedImage;
import io.progimage.imaging.control.ProcessingOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pipeline benchmark: decode, rotate 90, JPEG q90 of the full
 * 4.1 MP image plus a thumbnail fitting 100x300 and a 64x64 mini.
 * Megapixels per second = 4.096 / (seconds per op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PipelineBenchmark {

    @Param({"baseline", "progressive"})
    public String jpeg;

    private byte[] source;
    private ImagePipeline pipeline;
    private ProcessingOptions options;

    @Setup
    public void setUp() throws IOException {
        source = "baseline".equals(jpeg) ? BenchImages.baseline() : BenchImages.progressive();
        pipeline = new ImagePipeline(ImagePipeline.DEFAULT_MAX_PIXELS, new MemoryBudget(100));
        options = ProcessingOptions.defaults().withQuality(90).withRotation(90).withThumbBox(100, 300);
    }

    @Benchmark
    public ProcessedImage decodeRotateEncode() throws ImageRejectedException {
        return pipeline.process(source, options);
    }
}
