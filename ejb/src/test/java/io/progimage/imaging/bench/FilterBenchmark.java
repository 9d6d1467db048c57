package io.progimage.imaging.bench;

import io.progimage.imaging.control.Filter;
import io.progimage.imaging.control.FilterBench;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each filter alone on the 4.1 MP photo. Filters work in place, so every
 * invocation gets a fresh copy; the copy (an arraycopy of 16 MB, ~3 ms) is
 * done in an invocation-level setup and not timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FilterBenchmark {

    @Param({"TOASTER", "LOMO", "KELVIN", "COLORTONE", "GOTHAM"})
    public Filter filter;

    /**
     * photo: the 4.1 MP photo. noise: 2560x1600 random colours, where the
     * filters' colour memo never hits (their worst case).
     */
    @Param({"photo", "noise"})
    public String image;

    private BufferedImage original;
    private BufferedImage work;

    @Setup
    public void load() throws IOException {
        original = FilterBench.rgb(ImageIO.read(new ByteArrayInputStream(BenchImages.baseline())));
        if ("noise".equals(image)) {
            java.util.Random random = new java.util.Random(1);
            for (int y = 0; y < original.getHeight(); y++) {
                for (int x = 0; x < original.getWidth(); x++) {
                    original.setRGB(x, y, random.nextInt(1 << 24));
                }
            }
        }
    }

    @Setup(Level.Invocation)
    public void copy() {
        work = FilterBench.copy(original, work);
    }

    @Benchmark
    public BufferedImage apply() {
        return FilterBench.apply(filter, work);
    }
}
