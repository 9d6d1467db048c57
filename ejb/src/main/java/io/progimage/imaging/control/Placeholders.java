package io.progimage.imaging.control;

import io.trbl.blurhash.BlurHash;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * What a page can draw while the image loads (issue 14), computed from the mini (at most
 * 64x64 pixels, so it costs nothing noticeable beside the job):
 *
 * @param dominantColor {@code #rrggbb}: the mean colour of the most common of 4096 colour
 *                      buckets (4 bits per channel), the colour a viewer sees most of, which a
 *                      plain mean would blend into gray for an image of two strong colours
 * @param blurhash      the BlurHash (4x3 components) of the processed image, by io.trbl:blurhash
 */
public record Placeholders(String dominantColor, String blurhash) {

    static Placeholders of(BufferedImage mini) {
        int[] p = Pixels.data(mini);
        int[] count = new int[4096];
        long[] sum = new long[4096 * 3];
        int best = 0;
        for (int c : p) {
            int bucket = (c >> 12 & 0xF00) | (c >> 8 & 0xF0) | (c >> 4 & 0xF);
            count[bucket]++;
            sum[bucket * 3] += c >> 16 & 0xFF;
            sum[bucket * 3 + 1] += c >> 8 & 0xFF;
            sum[bucket * 3 + 2] += c & 0xFF;
            if (count[bucket] > count[best]) {
                best = bucket;
            }
        }
        int n = count[best];
        String colour = String.format(Locale.ROOT, "#%02x%02x%02x", (sum[best * 3] + n / 2) / n,
                (sum[best * 3 + 1] + n / 2) / n, (sum[best * 3 + 2] + n / 2) / n);
        return new Placeholders(colour, BlurHash.encode(p, mini.getWidth(), mini.getHeight(), 4, 3));
    }
}
