package io.progimage.imaging.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Generates the hostile inputs of the safety tests, so that none has to be
 * committed and each one is obviously what it claims to be.
 */
final class HostileImages {

    private HostileImages() {
    }

    /**
     * A genuine decompression bomb: a valid 1-bit grayscale PNG of
     * {@code side x side} pixels that compresses to a few kilobytes (all rows
     * zero) but would need side*side*4 bytes once decoded.
     */
    static byte[] pngBomb(int side) {
        int rowBytes = 1 + (side + 7) / 8; // filter byte + packed bits
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        byte[] row = new byte[rowBytes];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int y = 0; y < side; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(side).putInt(side)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A real PNG whose IHDR is rewritten to claim {@code w x h} (with a correct CRC, so it looks valid). */
    static byte[] pngLyingHeader(byte[] png, int w, int h) {
        byte[] copy = png.clone();
        ByteBuffer.wrap(copy, 16, 8).putInt(w).putInt(h);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        ByteBuffer.wrap(copy, 29, 4).putInt((int) crc.getValue());
        return copy;
    }

    /** A real JPEG whose SOF segment is rewritten to claim {@code w x h}. */
    static byte[] jpegLyingHeader(byte[] jpeg, int w, int h) {
        byte[] copy = jpeg.clone();
        int pos = 2;
        while (pos + 4 < copy.length) {
            int marker = copy[pos + 1] & 0xFF;
            int length = (copy[pos + 2] & 0xFF) << 8 | (copy[pos + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xC2) {
                // FF Cx, length(2), precision(1), height(2), width(2)
                copy[pos + 5] = (byte) (h >> 8);
                copy[pos + 6] = (byte) h;
                copy[pos + 7] = (byte) (w >> 8);
                copy[pos + 8] = (byte) w;
                return copy;
            }
            pos += 2 + length;
        }
        throw new IllegalArgumentException("no SOF segment");
    }

    /** The first {@code fraction} of the bytes: a download or upload cut short. */
    static byte[] truncated(byte[] data, double fraction) {
        return Arrays.copyOf(data, (int) (data.length * fraction));
    }

    /** A well-formed GIF of {@code frames} 1x1 frames: cheap to store, expensive to iterate. */
    static byte[] manyFrameGif(int frames) {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        gif.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        gif.writeBytes(new byte[] {1, 0, 1, 0, (byte) 0x80, 0, 0}); // 1x1, 2-colour global table
        gif.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        for (int i = 0; i < frames; i++) {
            gif.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0}); // descriptor 1x1 at 0,0
            gif.writeBytes(new byte[] {2, 2, 0x44, 0x01, 0});             // LZW: clear, 0, end
        }
        gif.write(0x3B);
        return gif.toByteArray();
    }

    /** A JPEG whose EXIF IFD0 offset points far outside the segment. */
    static byte[] corruptExifOffset(byte[] jpeg) {
        byte[] tiff = {'I', 'I', 42, 0, (byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x7F, 0, 0};
        return TestImages.insertApp1(jpeg, tiff);
    }

    /** A JPEG whose EXIF IFD0 claims 60000 entries in a 22-byte block. */
    static byte[] corruptExifCount(byte[] jpeg) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, (byte) 0xEA, 0x60, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0};
        return TestImages.insertApp1(jpeg, tiff);
    }

    static byte[] svg() {
        return ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
                + "<circle cx=\"50\" cy=\"50\" r=\"40\"/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
