package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;

/**
 * Finds the EXIF orientation (1..8) in the container of each format without
 * decoding anything. Only IFD0's Orientation tag matters, so this is a tiny
 * bounds-checked TIFF walker rather than a metadata library; every offset is
 * checked because EXIF blocks are a classic vehicle for hostile data, and a
 * structure that points outside itself is refused rather than guessed at.
 */
final class ExifOrientation {

    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation, 1 when there is no EXIF or no orientation tag. */
    static int read(byte[] data, SourceFormat format) throws ImageRejectedException {
        return switch (format) {
            case JPEG -> fromJpeg(data);
            case TIFF -> fromTiff(data, 0, data.length);
            case PNG -> fromPng(data);
            case WEBP -> fromWebp(data);
            case GIF, BMP -> 1;
        };
    }

    private static int fromJpeg(byte[] d) throws ImageRejectedException {
        int pos = 2;
        while (pos + 4 <= d.length) {
            if ((d[pos] & 0xFF) != 0xFF) {
                return 1; // not a marker: leave judging the stream to the decoder
            }
            int marker = d[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // start of scan: no more metadata segments
            }
            int length = u16be(d, pos + 2);
            if (length < 2 || pos + 2 + length > d.length) {
                return 1; // truncated header: the decoder reports it properly
            }
            int start = pos + 4;
            int end = pos + 2 + length;
            if (marker == 0xE1 && end - start >= 6 && d[start] == 'E' && d[start + 1] == 'x'
                    && d[start + 2] == 'i' && d[start + 3] == 'f' && d[start + 4] == 0 && d[start + 5] == 0) {
                return fromTiff(d, start + 6, end);
            }
            pos = end;
        }
        return 1;
    }

    private static int fromPng(byte[] d) throws ImageRejectedException {
        int pos = 8;
        while (pos + 12 <= d.length) {
            long length = u32be(d, pos);
            int type = (int) u32be(d, pos + 4);
            if (length > d.length - pos - 12) {
                return 1;
            }
            if (type == 0x65584966) { // eXIf
                return fromTiff(d, pos + 8, pos + 8 + (int) length);
            }
            if (type == 0x49444154 || type == 0x49454E44) { // IDAT, IEND: eXIf must come before
                return 1;
            }
            pos += 12 + (int) length;
        }
        return 1;
    }

    private static int fromWebp(byte[] d) throws ImageRejectedException {
        int pos = 12;
        while (pos + 8 <= d.length) {
            long length = u32le(d, pos + 4);
            if (length > d.length - pos - 8) {
                return 1;
            }
            if (d[pos] == 'E' && d[pos + 1] == 'X' && d[pos + 2] == 'I' && d[pos + 3] == 'F') {
                int start = pos + 8;
                // some writers keep the JPEG-style "Exif\0\0" prefix
                if (length >= 6 && d[start] == 'E' && d[start + 1] == 'x') {
                    start += 6;
                }
                return fromTiff(d, start, pos + 8 + (int) length);
            }
            pos += 8 + (int) ((length + 1) & ~1L);
        }
        return 1;
    }

    /** Reads IFD0 of the TIFF structure in {@code d[start, end)}. */
    static int fromTiff(byte[] d, int start, int end) throws ImageRejectedException {
        if (end - start < 8) {
            throw corrupt("EXIF block shorter than its header");
        }
        boolean little;
        if (d[start] == 'I' && d[start + 1] == 'I') {
            little = true;
        } else if (d[start] == 'M' && d[start + 1] == 'M') {
            little = false;
        } else {
            throw corrupt("EXIF block has no byte-order mark");
        }
        if (u16(d, start + 2, little) != 42) {
            throw corrupt("EXIF block has a bad TIFF magic number");
        }
        long ifd = u32(d, start + 4, little);
        if (ifd < 8 || ifd > end - start - 2) {
            throw corrupt("EXIF IFD0 offset " + ifd + " points outside the block");
        }
        int pos = start + (int) ifd;
        int entries = u16(d, pos, little);
        if ((long) pos + 2 + entries * 12L > end) {
            throw corrupt("EXIF IFD0 claims " + entries + " entries, more than the block holds");
        }
        for (int i = 0; i < entries; i++) {
            int entry = pos + 2 + i * 12;
            if (u16(d, entry, little) == TAG_ORIENTATION) {
                int type = u16(d, entry + 2, little);
                int value = type == 3 ? u16(d, entry + 8, little) : (int) u32(d, entry + 8, little);
                if (value < 1 || value > 8) {
                    throw corrupt("EXIF orientation " + value + " is not 1..8");
                }
                return value;
            }
        }
        return 1;
    }

    private static ImageRejectedException corrupt(String message) {
        return new ImageRejectedException(Reason.CORRUPT, "corrupt EXIF: " + message);
    }

    private static int u16(byte[] d, int p, boolean little) {
        return little ? (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 : u16be(d, p);
    }

    private static long u32(byte[] d, int p, boolean little) {
        return little ? u32le(d, p) : u32be(d, p);
    }

    private static int u16be(byte[] d, int p) {
        return (d[p] & 0xFF) << 8 | (d[p + 1] & 0xFF);
    }

    private static long u32be(byte[] d, int p) {
        return ((long) (d[p] & 0xFF) << 24) | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
    }

    private static long u32le(byte[] d, int p) {
        return ((long) (d[p + 3] & 0xFF) << 24) | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF);
    }
}
