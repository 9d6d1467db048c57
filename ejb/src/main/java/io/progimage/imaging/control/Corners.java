package io.progimage.imaging.control;

import java.awt.image.BufferedImage;

/**
 * Rounded corners: white outside a quarter circle in each corner, with the
 * pixels the curve crosses blended by their coverage (anti-aliasing). Works in
 * place; only the four r x r corner squares are touched.
 */
final class Corners {

    private Corners() {
    }

    /** The radius actually used: never more than half the shorter side. */
    static int clamp(int radius, int width, int height) {
        return Math.max(0, Math.min(radius, Math.min(width, height) / 2));
    }

    static void round(BufferedImage image, int radius) {
        round(image, radius, 255);
    }

    /** As {@link #round(BufferedImage, int)}, blending into grey level {@code background}: 0 for an {@link Alpha} plane (transparent corners). */
    static void round(BufferedImage image, int radius, int background) {
        int w = image.getWidth();
        int h = image.getHeight();
        int r = clamp(radius, w, h);
        if (r == 0) {
            return;
        }
        int[] p = Pixels.data(image);
        for (int y = 0; y < r; y++) {
            for (int x = 0; x < r; x++) {
                // distance of the pixel centre from the circle's centre at (r, r)
                double dx = r - (x + 0.5);
                double dy = r - (y + 0.5);
                double outside = Math.sqrt(dx * dx + dy * dy) - r + 0.5; // 0..1 across the edge
                if (outside <= 0) {
                    continue;
                }
                double keep = Math.max(0, 1 - outside);
                blend(p, y * w + x, keep, background);
                blend(p, y * w + (w - 1 - x), keep, background);
                blend(p, (h - 1 - y) * w + x, keep, background);
                blend(p, (h - 1 - y) * w + (w - 1 - x), keep, background);
            }
        }
    }

    private static void blend(int[] p, int i, double keep, int background) {
        int c = p[i];
        int r = (int) ((c >> 16 & 0xFF) * keep + background * (1 - keep) + 0.5);
        int g = (int) ((c >> 8 & 0xFF) * keep + background * (1 - keep) + 0.5);
        int b = (int) ((c & 0xFF) * keep + background * (1 - keep) + 0.5);
        p[i] = r << 16 | g << 8 | b;
    }
}
