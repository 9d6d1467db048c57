package io.progimage.imaging.control;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DirectColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Embedded ICC profiles the readers ignore. TwelveMonkeys converts JPEG and
 * TIFF pixels to sRGB itself (or returns them in the profile's colour space,
 * which {@link Pixels#toOpaqueSrgb} converts), but the JDK's PNG reader and the
 * WebP reader drop the profile and hand out the raw values as if they were
 * sRGB: an Adobe RGB or Display P3 photo would come out dull. Here the profile
 * is found in the container and the pixels are converted.
 *
 * <p>A profile that cannot be parsed is ignored rather than refused: the
 * pixels are still a usable image, and colour is a nicety next to that.
 */
final class IccProfiles {

    /** Real profiles are kilobytes; a "profile" inflating beyond this is a bomb. */
    private static final int MAX_PROFILE_BYTES = 4 << 20;

    private IccProfiles() {
    }

    /** The embedded RGB profile that is not sRGB, or null (none, sRGB, not RGB, unreadable). */
    static ICC_Profile nonSrgb(byte[] data, SourceFormat format) {
        return parse(switch (format) {
            case PNG -> fromPng(data);
            case WEBP -> fromWebp(data);
            default -> null; // the TwelveMonkeys JPEG reader converts on its own
        });
    }

    /** As {@link #nonSrgb} for a JPEG that libjpeg-turbo decodes, which ignores profiles. */
    static ICC_Profile nonSrgbJpeg(byte[] data) {
        return parse(fromJpeg(data));
    }

    private static ICC_Profile parse(byte[] raw) {
        if (raw == null) {
            return null;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(raw);
            return profile.getColorSpaceType() == ColorSpace.TYPE_RGB && !isSrgb(profile) ? profile : null;
        } catch (RuntimeException e) { // IllegalArgumentException, CMMException, ProfileDataException
            return null;
        }
    }

    /**
     * Most embedded profiles are one of the many copies of sRGB; converting
     * sRGB to sRGB would only cost time. They are recognised by description.
     */
    static boolean isSrgb(ICC_Profile profile) {
        String description = description(profile).toLowerCase(Locale.ROOT);
        return description.contains("srgb") && !description.contains("linear");
    }

    /** Converts an int RGB image from {@code profile} to sRGB. */
    static BufferedImage toSrgb(BufferedImage rgb, ICC_Profile profile) {
        try {
            DirectColorModel model = new DirectColorModel(new ICC_ColorSpace(profile), 24,
                    0xFF0000, 0x00FF00, 0x0000FF, 0, false, java.awt.image.DataBuffer.TYPE_INT);
            BufferedImage source = new BufferedImage(model, rgb.getRaster(), false, null);
            BufferedImage out = Pixels.newRgb(rgb.getWidth(), rgb.getHeight());
            new ColorConvertOp(null).filter(source, out);
            return out;
        } catch (RuntimeException e) {
            // CMMException, ProfileDataException, IllegalArgumentException: a profile
            // the colour engine cannot use. Keep the values as they are.
            return rgb;
        }
    }

    private static String description(ICC_Profile profile) {
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        return desc == null ? "" : new String(desc, StandardCharsets.ISO_8859_1);
    }

    private static byte[] fromPng(byte[] d) {
        int pos = 8;
        while (pos + 12 <= d.length) {
            long length = u32be(d, pos);
            if (length > d.length - pos - 12) {
                return null;
            }
            int start = pos + 8;
            int type = (int) u32be(d, pos + 4);
            if (type == 0x69434350) { // iCCP: keyword, 0, compression method 0, zlib data
                int end = start + (int) length;
                int nul = start;
                while (nul < end && d[nul] != 0) {
                    nul++;
                }
                return nul + 2 < end ? inflate(d, nul + 2, end - nul - 2) : null;
            }
            if (type == 0x49444154) { // IDAT: iCCP must come before
                return null;
            }
            pos = start + (int) length + 4;
        }
        return null;
    }

    /**
     * The profile of a JPEG: APP2 segments "ICC_PROFILE\0", sequence number,
     * count, data, joined in sequence order (ICC.1 annex B.4), before the first scan.
     */
    private static byte[] fromJpeg(byte[] d) {
        byte[][] parts = null;
        int total = 0;
        int pos = 2;
        while (pos + 4 <= d.length && (d[pos] & 0xFF) == 0xFF) {
            int marker = d[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image
                break;
            }
            int length = (d[pos + 2] & 0xFF) << 8 | (d[pos + 3] & 0xFF);
            if (length < 2 || pos + 2 + length > d.length) {
                return null;
            }
            if (marker == 0xE2 && length >= 16 && new String(d, pos + 4, 12, StandardCharsets.ISO_8859_1)
                    .equals("ICC_PROFILE\0")) {
                int seq = d[pos + 16] & 0xFF;
                int count = d[pos + 17] & 0xFF;
                if (parts == null) {
                    parts = new byte[count][];
                }
                if (count != parts.length || seq < 1 || seq > count || parts[seq - 1] != null) {
                    return null;
                }
                parts[seq - 1] = java.util.Arrays.copyOfRange(d, pos + 18, pos + 2 + length);
                total += parts[seq - 1].length;
                if (total > MAX_PROFILE_BYTES) {
                    return null;
                }
            }
            pos += 2 + length;
        }
        if (parts == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        for (byte[] part : parts) {
            if (part == null) {
                return null;
            }
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] fromWebp(byte[] d) {
        int pos = 12;
        while (pos + 8 <= d.length) {
            long length = u32le(d, pos + 4);
            if (length > d.length - pos - 8) {
                return null;
            }
            if (d[pos] == 'I' && d[pos + 1] == 'C' && d[pos + 2] == 'C' && d[pos + 3] == 'P') {
                byte[] profile = new byte[(int) length];
                System.arraycopy(d, pos + 8, profile, 0, profile.length);
                return profile;
            }
            pos += 8 + (int) ((length + 1) & ~1L);
        }
        return null;
    }

    private static byte[] inflate(byte[] d, int offset, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(d, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static long u32be(byte[] d, int p) {
        return ((long) (d[p] & 0xFF) << 24) | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
    }

    private static long u32le(byte[] d, int p) {
        return ((long) (d[p + 3] & 0xFF) << 24) | (d[p + 2] & 0xFF) << 16 | (d[p + 1] & 0xFF) << 8 | (d[p] & 0xFF);
    }
}
