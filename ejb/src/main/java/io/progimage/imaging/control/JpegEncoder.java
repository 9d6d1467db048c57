package io.progimage.imaging.control;

import io.progimage.imaging.control.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStreamImpl;

/**
 * Baseline 4:2:0 JPEG at quality 0..100. The JDK writer's defaults for a
 * three-channel image are exactly that (YCbCr, luma sampled 2x2, Huffman
 * baseline); it writes a JFIF header and no other metadata, so no EXIF
 * orientation can survive and make a viewer rotate a second time.
 *
 * <p>The output goes into fixed-size chunks and is copied once into an exact
 * array, so a job holds at most twice the JPEG's size (a growing
 * {@code ByteArrayOutputStream} behind a {@code MemoryCacheImageOutputStream}
 * held up to four times), and never more than {@link #maxBytes} per image:
 * that is what {@link JobPlan} reserves in the {@link MemoryBudget}.
 */
final class JpegEncoder {

    /** libjpeg's JPEG_MAX_DIMENSION: the writer refuses a longer side. */
    static final int MAX_SIDE = 65500;

    /**
     * Bound of the encoded size per pixel. Uniform random noise at quality 100,
     * the worst measured, takes 2.0 B/px; nothing a decoder can display needs
     * twice that.
     */
    static final int MAX_BYTES_PER_PIXEL = 4;

    /** Headers and tables of a JFIF file, with room to spare. */
    static final int HEADER_BYTES = 64 * 1024;

    private JpegEncoder() {
    }

    /** The most bytes {@link #encode} lets a {@code width x height} JPEG take. */
    static long maxBytes(long width, long height) {
        return MAX_BYTES_PER_PIXEL * width * height + HEADER_BYTES;
    }

    static byte[] encode(BufferedImage rgb, int quality) throws ImageRejectedException {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (w > MAX_SIDE || h > MAX_SIDE) {
            // JobPlan refuses these before any work; getting here is our bug
            throw new IllegalArgumentException(w + "x" + h + " exceeds the JPEG limit of " + MAX_SIDE);
        }
        NativeJpeg turbo = Codecs.selected().jpeg;
        if (turbo != null && rgb.getType() == BufferedImage.TYPE_INT_RGB) {
            try {
                // TurboJPEG's buffer is its worst case (< MAX_BYTES_PER_PIXEL), so it cannot overflow
                return turbo.encode(rgb, quality);
            } catch (NativeJpeg.Failure e) {
                throw new IllegalStateException("libjpeg-turbo could not encode " + w + "x" + h, e);
            }
        }
        ImageWriter writer = Plugins.jpegWriter();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        return write(writer, rgb, param, maxBytes(w, h), "JPEG");
    }

    /**
     * Writes {@code image} with {@code writer} (disposed after) into memory, never more than
     * {@code limit} bytes: a larger result is refused as too large. For every ImageIO encoder.
     */
    static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param, long limit, String label)
            throws ImageRejectedException {
        Chunks out = new Chunks(Math.min(Integer.MAX_VALUE - 8, limit));
        try {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.close(); // marks it closed only (it holds no resource): the chunks stay readable
        } catch (IOException e) {
            if (out.overflowed) {
                throw new ImageRejectedException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                        "the %dx%d %s would be larger than %d bytes", image.getWidth(), image.getHeight(), label, out.limit));
            }
            // writing to memory cannot fail for I/O reasons; an encoder's own failure is our bug
            throw new UncheckedIOException(label + " encoding failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A seekable in-memory output of bounded size, in chunks that are never copied while growing. */
    static final class Chunks extends ImageOutputStreamImpl {
        private static final int SHIFT = 14;
        private static final int SIZE = 1 << SHIFT; // 16 KiB: a mini fits in one
        private static final int MASK = SIZE - 1;

        private final List<byte[]> chunks = new ArrayList<>();
        final long limit;
        private long length;
        boolean overflowed;

        Chunks(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            flushBits();
            reserve(streamPos + 1);
            chunks.get((int) (streamPos >>> SHIFT))[(int) (streamPos & MASK)] = (byte) b;
            moved(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            flushBits();
            Objects.checkFromIndexSize(off, len, b.length);
            reserve(streamPos + len);
            while (len > 0) {
                int at = (int) (streamPos & MASK);
                int n = Math.min(len, SIZE - at);
                System.arraycopy(b, off, chunks.get((int) (streamPos >>> SHIFT)), at, n);
                off += n;
                len -= n;
                moved(n);
            }
        }

        @Override
        public int read() throws IOException {
            checkClosed();
            bitOffset = 0;
            if (streamPos >= length) {
                return -1;
            }
            int b = chunks.get((int) (streamPos >>> SHIFT))[(int) (streamPos & MASK)] & 0xFF;
            streamPos++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkClosed();
            Objects.checkFromIndexSize(off, len, b.length);
            bitOffset = 0;
            if (len == 0) {
                return 0;
            }
            if (streamPos >= length) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(length - streamPos, SIZE - (streamPos & MASK)));
            System.arraycopy(chunks.get((int) (streamPos >>> SHIFT)), (int) (streamPos & MASK), b, off, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return length;
        }

        private void reserve(long end) throws IOException {
            if (end > limit) {
                overflowed = true;
                throw new IOException("JPEG output over " + limit + " bytes");
            }
            while ((long) chunks.size() << SHIFT < end) {
                chunks.add(new byte[SIZE]);
            }
        }

        private void moved(int n) {
            streamPos += n;
            length = Math.max(length, streamPos);
        }

        byte[] toByteArray() {
            byte[] all = new byte[(int) length];
            for (int i = 0, at = 0; at < all.length; i++, at += SIZE) {
                System.arraycopy(chunks.get(i), 0, all, at, Math.min(SIZE, all.length - at));
            }
            return all;
        }
    }
}
