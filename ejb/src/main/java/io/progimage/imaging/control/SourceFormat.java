package io.progimage.imaging.control;

/**
 * The formats the pipeline accepts, recognised by their magic numbers only: a
 * file name or a Content-Type header is whatever the client claims, the first
 * bytes are what the decoder will actually see.
 */
public enum SourceFormat {
    JPEG, PNG, GIF, WEBP, BMP, TIFF;

    /** The format whose signature starts {@code data}, or null when none does. */
    public static SourceFormat detect(byte[] data) {
        if (data == null) {
            return null;
        }
        if (startsWith(data, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(data, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(data, 0, 'G', 'I', 'F', '8') && data.length > 5
                && (data[4] == '7' || data[4] == '9') && data[5] == 'a') {
            return GIF;
        }
        if (startsWith(data, 0, 'R', 'I', 'F', 'F') && startsWith(data, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        // "BM" alone is too weak (plenty of text starts with it): also require
        // a known DIB header size at offset 14.
        if (startsWith(data, 0, 'B', 'M') && data.length >= 18) {
            int dib = (data[14] & 0xFF) | (data[15] & 0xFF) << 8 | (data[16] & 0xFF) << 16 | (data[17] & 0xFF) << 24;
            if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124) {
                return BMP;
            }
        }
        if (startsWith(data, 0, 'I', 'I', 42, 0) || startsWith(data, 0, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int offset, int... signature) {
        if (data.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((data[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
