package io.progimage.imaging.control;

/**
 * Length checks the readers do not make: the JDK's BMP reader pads missing
 * rows silently, and TwelveMonkeys' lossless WebP decoder may return a partly
 * decoded image without a warning. Both formats declare their length up front.
 */
final class DeclaredLength {

    private DeclaredLength() {
    }

    /** True when the RIFF container (WebP) claims more bytes than there are. */
    static boolean isRiffTruncated(byte[] d) {
        return d.length < 12 || u32(d, 4) + 8 > d.length;
    }

    /**
     * True when the file is shorter than its own header says: the declared file
     * size, or for uncompressed images the pixel offset plus the rows.
     */
    static boolean isBmpTruncated(byte[] d) {
        if (d.length < 30) {
            return true;
        }
        long fileSize = u32(d, 2);
        long pixelOffset = u32(d, 10);
        if (fileSize > d.length || pixelOffset > d.length) {
            return true;
        }
        long dibSize = u32(d, 14);
        if (dibSize >= 40 && d.length >= 34) {
            long width = Math.abs((int) u32(d, 18));
            long height = Math.abs((int) u32(d, 22));
            int bitsPerPixel = (d[28] & 0xFF) | (d[29] & 0xFF) << 8;
            long compression = u32(d, 30);
            if (compression == 0) { // BI_RGB: rows padded to 4 bytes
                long stride = (width * bitsPerPixel + 31) / 32 * 4;
                return pixelOffset + stride * height > d.length;
            }
        }
        return false;
    }

    private static long u32(byte[] d, int p) {
        return ((long) (d[p + 3] & 0xFF) << 24) | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF);
    }
}
