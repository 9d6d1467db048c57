package io.progimage.imaging.control;

import java.awt.image.BufferedImage;

/** Test-side bridge so the JMH benchmarks can call the package-private filter code. */
public final class FilterBench {

    private FilterBench() {
    }

    public static BufferedImage rgb(BufferedImage image) {
        return Pixels.toOpaqueSrgb(image);
    }

    public static BufferedImage copy(BufferedImage from, BufferedImage reuse) {
        BufferedImage to = reuse != null && reuse.getWidth() == from.getWidth() && reuse.getHeight() == from.getHeight()
                ? reuse : Pixels.newRgb(from.getWidth(), from.getHeight());
        System.arraycopy(Pixels.data(from), 0, Pixels.data(to), 0, Pixels.data(from).length);
        return to;
    }

    public static BufferedImage apply(Filter filter, BufferedImage image) {
        return filter.apply(image);
    }
}
