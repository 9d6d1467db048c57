package io.progimage.imaging.control;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * The eight exact pixel rearrangements (the dihedral group of the rectangle):
 * the EXIF orientations 1..8 and rotations by multiples of 90 degrees. They
 * are composed first and applied once, so an oriented and then rotated photo
 * is copied a single time, without resampling.
 *
 * <p>Each transform is a 2x2 matrix with entries in {-1, 0, 1} mapping source
 * to destination coordinates (x right, y down, around the centre).
 */
record Orientation(int a, int b, int c, int d) {

    static final Orientation IDENTITY = new Orientation(1, 0, 0, 1);
    private static final Orientation ROTATE_90 = new Orientation(0, -1, 1, 0);

    /** The transform that displays an image stored with EXIF orientation 1..8. */
    static Orientation exif(int orientation) {
        return switch (orientation) {
            case 2 -> new Orientation(-1, 0, 0, 1);   // mirror horizontally
            case 3 -> new Orientation(-1, 0, 0, -1);  // rotate 180
            case 4 -> new Orientation(1, 0, 0, -1);   // mirror vertically
            case 5 -> new Orientation(0, 1, 1, 0);    // transpose
            case 6 -> ROTATE_90;                      // rotate 90 clockwise
            case 7 -> new Orientation(0, -1, -1, 0);  // transverse
            case 8 -> new Orientation(0, 1, -1, 0);   // rotate 270 clockwise
            default -> IDENTITY;
        };
    }

    /** Rotation by {@code quarterTurns} x 90 degrees clockwise. */
    static Orientation quarterTurns(int quarterTurns) {
        Orientation o = IDENTITY;
        for (int i = 0; i < Math.floorMod(quarterTurns, 4); i++) {
            o = ROTATE_90.after(o);
        }
        return o;
    }

    /** This transform applied after {@code first}. */
    Orientation after(Orientation first) {
        return new Orientation(a * first.a + b * first.c, a * first.b + b * first.d,
                c * first.a + d * first.c, c * first.b + d * first.d);
    }

    boolean swapsSides() {
        return a == 0;
    }

    /**
     * Applies the transform; {@code src} is {@code TYPE_INT_RGB}, or
     * {@code TYPE_3BYTE_BGR} as the JPEG readers return it, or sRGB
     * {@code TYPE_4BYTE_ABGR} as the PNG reader does (flattened on white):
     * converting while rearranging saves a full copy of the image per job.
     */
    BufferedImage apply(BufferedImage src) {
        return apply(src, null);
    }

    /** As {@link #apply(BufferedImage)}, the two halves of the source's rows on two threads ({@link Split}). */
    BufferedImage apply(BufferedImage src, java.util.concurrent.Executor helper) {
        return apply(src, helper, 0);
    }

    /**
     * As {@link #apply(BufferedImage, java.util.concurrent.Executor)}, into the middle of a
     * black canvas {@code margin} pixels larger on each side (gotham's border, {@link
     * Filter#applyFramed}), so that the border costs no copy of its own.
     */
    BufferedImage apply(BufferedImage src, java.util.concurrent.Executor helper, int margin) {
        boolean bgr = src.getType() == BufferedImage.TYPE_3BYTE_BGR;
        boolean abgr = src.getType() == BufferedImage.TYPE_4BYTE_ABGR;
        if (equals(IDENTITY) && !bgr && !abgr && margin == 0) {
            return src;
        }
        int sw = src.getWidth();
        int sh = src.getHeight();
        int dw = swapsSides() ? sh : sw;
        int dh = swapsSides() ? sw : sh;
        int stride = dw + 2 * margin;
        BufferedImage out = Pixels.newRgb(stride, dh + 2 * margin); // black
        int frame = margin * stride + margin;
        int[] t = Pixels.data(out);
        int[] s = bgr || abgr ? null : Pixels.data(src);
        byte[] bytes = bgr || abgr ? ((DataBufferByte) src.getRaster().getDataBuffer()).getData() : null;
        // dest = M * src with the origin moved back into the image
        int ox = a + b < 0 ? dw - 1 : 0;
        int oy = c + d < 0 ? dh - 1 : 0;
        int step = a + c * stride; // moving one pixel right in the source
        // Tiles keep both the row-wise reads and the column-wise writes of a
        // transposition inside the cache.
        final int tile = 64;
        int tiles = (sh + tile - 1) / tile;
        Split.halves(helper, tiles, (from, to) -> {
            for (int ty = from * tile; ty < Math.min(sh, to * tile); ty += tile) {
                copyTileRow(ty, Math.min(sh, ty + tile), sw, stride, frame, ox, oy, step, tile, bgr, abgr, bytes, s, t);
            }
        });
        return out;
    }

    /** Source rows {@code ty..yEnd} to wherever the transform puts them, a tile at a time. */
    private void copyTileRow(int ty, int yEnd, int sw, int stride, int frame, int ox, int oy, int step, int tile,
                             boolean bgr, boolean abgr, byte[] bytes, int[] s, int[] t) {
        for (int tx = 0; tx < sw; tx += tile) {
            int xEnd = Math.min(sw, tx + tile);
            for (int y = ty; y < yEnd; y++) {
                int row = y * sw;
                int dest = (c * tx + d * y + oy) * stride + a * tx + b * y + ox + frame;
                if (bgr) {
                    for (int x = tx, j = (row + tx) * 3; x < xEnd; x++, j += 3) {
                        t[dest] = (bytes[j + 2] & 0xFF) << 16 | (bytes[j + 1] & 0xFF) << 8 | (bytes[j] & 0xFF);
                        dest += step;
                    }
                } else if (abgr) { // an RGBA PNG: flattened on white in the same pass
                    for (int x = tx, j = (row + tx) * 4; x < xEnd; x++, j += 4) {
                        t[dest] = Pixels.over(bytes[j] & 0xFF, bytes[j + 3] & 0xFF, bytes[j + 2] & 0xFF, bytes[j + 1] & 0xFF);
                        dest += step;
                    }
                } else {
                    for (int x = tx; x < xEnd; x++) {
                        t[dest] = s[row + x];
                        dest += step;
                    }
                }
            }
        }
    }
}
