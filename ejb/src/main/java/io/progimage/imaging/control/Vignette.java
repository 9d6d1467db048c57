package io.progimage.imaging.control;

/**
 * {@code vignette INNER OUTER} of FILTERS.md: multiply by a radial gradient
 * drawn at 1.5 times the image size and centre-cropped. Measured against
 * ImageMagick 6: the gradient is a circle around the canvas centre whose
 * radius is half the longer canvas side (minus half a pixel); a {@code none}
 * end keeps the other end's colour and fades only its alpha; multiplying with
 * a colour C at alpha a scales a channel by {@code 1 - a + a*C}.
 *
 * <p>The factor depends only on the distance from the centre, so it is
 * tabulated over the normalised distance t in 0..1.
 */
final class Vignette {

    private static final int STEPS = 2048;

    /** Per channel factors over t in 1/65536, interleaved r,g,b (integer math per pixel). */
    private final int[] factors = new int[(STEPS + 1) * 3];

    private Vignette() {
    }

    /**
     * Two gradients in one: each stop is a colour 0xRRGGBB or -1 for none.
     * Pass {@code (inner, outer)} pairs; all are multiplied together.
     */
    static Vignette of(int... stops) {
        Vignette v = new Vignette();
        for (int i = 0; i <= STEPS; i++) {
            double t = i / (double) STEPS;
            double[] f = {1, 1, 1};
            for (int s = 0; s < stops.length; s += 2) {
                int inner = stops[s];
                int outer = stops[s + 1];
                int colour = inner == -1 ? outer : inner;
                double alpha = inner == -1 ? t : outer == -1 ? 1 - t : 1;
                double[] c = {(colour >> 16 & 0xFF) / 255.0, (colour >> 8 & 0xFF) / 255.0, (colour & 0xFF) / 255.0};
                if (inner != -1 && outer != -1) {
                    int[] ci = {inner >> 16 & 0xFF, inner >> 8 & 0xFF, inner & 0xFF};
                    int[] co = {outer >> 16 & 0xFF, outer >> 8 & 0xFF, outer & 0xFF};
                    for (int k = 0; k < 3; k++) {
                        c[k] = (ci[k] * (1 - t) + co[k] * t) / 255.0;
                    }
                }
                for (int k = 0; k < 3; k++) {
                    f[k] *= 1 - alpha + alpha * c[k];
                }
            }
            for (int k = 0; k < 3; k++) {
                v.factors[i * 3 + k] = (int) Math.round(f[k] * 65536);
            }
        }
        return v;
    }

    /** Multiplies the image in place, rounding to 8 bits. */
    void apply(int[] p, int w, int h) {
        apply(p, w, h, null);
    }

    /** As {@link #apply(int[], int, int)}, the two halves of the rows on two threads. */
    void apply(int[] p, int w, int h, java.util.concurrent.Executor helper) {
        Split.halves(helper, h, (from, to) -> apply(p, w, h, from, to));
    }

    private void apply(int[] p, int w, int h, int fromRow, int toRow) {
        int cw = w * 3 / 2;
        int ch = h * 3 / 2;
        float gx = (float) ((cw - 1) / 2.0 - (cw - w) / 2);
        float gy = (float) ((ch - 1) / 2.0 - (ch - h) / 2);
        float scale = (float) (STEPS / ((Math.max(cw, ch) - 1) / 2.0));
        float[] dx2 = new float[w];
        for (int x = 0; x < w; x++) {
            float dx = x - gx;
            dx2[x] = dx * dx;
        }
        int[] index = new int[w];
        for (int y = fromRow; y < toRow; y++) {
            float dy = y - gy;
            float dy2 = dy * dy;
            int row = y * w;
            // the row's distances in a loop of their own, which the JIT vectorises (square roots included)
            for (int x = 0; x < w; x++) {
                index[x] = (int) ((float) Math.sqrt(dx2[x] + dy2) * scale + 0.5f);
            }
            for (int x = 0; x < w; x++) {
                int i = index[x];
                int f = (i > STEPS ? STEPS : i) * 3;
                int c = p[row + x];
                int r = ((c >> 16 & 0xFF) * factors[f] + 32768) >>> 16;
                int g = ((c >> 8 & 0xFF) * factors[f + 1] + 32768) >>> 16;
                int b = ((c & 0xFF) * factors[f + 2] + 32768) >>> 16;
                p[row + x] = r << 16 | g << 8 | b;
            }
        }
    }
}
