package io.progimage.imaging.control;

/**
 * Counts the frames of a GIF by walking its block structure, skipping the
 * compressed data without inflating it. The JDK reader would otherwise have to
 * be asked with {@code getNumImages(true)}, which seeks through every frame's
 * metadata; counting here is linear in the file size and allocates nothing.
 */
final class GifFrames {

    private GifFrames() {
    }

    /**
     * Number of image descriptors, stopping as soon as {@code limit} is passed;
     * -1 when the structure is broken before the trailer.
     */
    static int count(byte[] d, int limit) {
        if (d.length < 13) {
            return -1;
        }
        int pos = 13;
        int flags = d[10] & 0xFF;
        if ((flags & 0x80) != 0) {
            pos += 3 * (1 << ((flags & 7) + 1));
        }
        int frames = 0;
        while (pos < d.length) {
            int block = d[pos++] & 0xFF;
            if (block == 0x3B) {
                return frames; // trailer
            }
            if (block == 0x21) { // extension: label, then sub-blocks
                pos = skipSubBlocks(d, pos + 1);
            } else if (block == 0x2C) {
                if (++frames > limit) {
                    return frames;
                }
                if (pos + 9 > d.length) {
                    return -1;
                }
                int local = d[pos + 8] & 0xFF;
                pos += 9;
                if ((local & 0x80) != 0) {
                    pos += 3 * (1 << ((local & 7) + 1));
                }
                pos = skipSubBlocks(d, pos + 1); // +1: LZW minimum code size
            } else {
                return -1;
            }
            if (pos < 0) {
                return -1;
            }
        }
        return -1; // no trailer: truncated
    }

    private static int skipSubBlocks(byte[] d, int pos) {
        while (pos < d.length) {
            int size = d[pos] & 0xFF;
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
        return -1;
    }
}
