package io.progimage.it;

/**
 * The BlurHash specification's decoder (github.com/woltapp/blurhash, TypeScript reference
 * {@code decode.ts}), written out here so the tests check the service's hashes against the
 * algorithm, not against the library that made them.
 */
final class BlurHashReference {

    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    private BlurHashReference() {
    }

    /** Components in x and y that the hash declares. */
    static int[] components(String hash) {
        int size = decode83(hash, 0, 1);
        return new int[] {size % 9 + 1, size / 9 + 1};
    }

    /** The image the hash stands for, {@code width x height} pixels of 0xRRGGBB (punch 1). */
    static int[] decode(String hash, int width, int height) {
        int[] n = components(hash);
        int nx = n[0];
        int ny = n[1];
        if (hash.length() != 4 + 2 * nx * ny) {
            throw new IllegalArgumentException("length " + hash.length() + " for " + nx + "x" + ny);
        }
        double maximum = (decode83(hash, 1, 2) + 1) / 166.0;
        double[][] colours = new double[nx * ny][];
        int dc = decode83(hash, 2, 6);
        colours[0] = new double[] {toLinear(dc >> 16), toLinear(dc >> 8 & 0xFF), toLinear(dc & 0xFF)};
        for (int i = 1; i < nx * ny; i++) {
            int ac = decode83(hash, 4 + i * 2, 6 + i * 2);
            colours[i] = new double[] {signPow((ac / 361 - 9) / 9.0, 2) * maximum,
                    signPow((ac / 19 % 19 - 9) / 9.0, 2) * maximum, signPow((ac % 19 - 9) / 9.0, 2) * maximum};
        }
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        double basis = Math.cos(Math.PI * x * i / width) * Math.cos(Math.PI * y * j / height);
                        double[] c = colours[i + j * nx];
                        r += c[0] * basis;
                        g += c[1] * basis;
                        b += c[2] * basis;
                    }
                }
                pixels[y * width + x] = toSrgb(r) << 16 | toSrgb(g) << 8 | toSrgb(b);
            }
        }
        return pixels;
    }

    private static int decode83(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = DIGITS.indexOf(s.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not base 83: " + s.charAt(i));
            }
            value = value * 83 + digit;
        }
        return value;
    }

    private static double toLinear(int srgb) {
        double v = srgb / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int toSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static double signPow(double v, double exp) {
        return Math.copySign(Math.pow(Math.abs(v), exp), v);
    }
}
