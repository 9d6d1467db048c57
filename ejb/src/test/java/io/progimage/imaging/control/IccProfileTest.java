package io.progimage.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Embedded non-sRGB profiles are converted to sRGB. The test profile is the
 * JDK's linear-RGB profile with "sRGB" removed from its description and
 * another date in its header (so no reader mistakes it for sRGB): mid gray 128
 * in linear light is 188 in sRGB.
 */
class IccProfileTest {

    private static final int LINEAR_128_IN_SRGB = 188;

    private final Decoder decoder = new Decoder(ImagePipeline.DEFAULT_MAX_PIXELS);

    @Test
    void pngWithLinearProfileIsConvertedToSrgb() throws Exception {
        assertEquals(LINEAR_128_IN_SRGB, centre(pngWithProfile(linearProfile())), 2);
    }

    @Test
    void jpegWithLinearProfileIsConvertedToSrgb() throws Exception {
        assertEquals(LINEAR_128_IN_SRGB, centre(jpegWithProfile(linearProfile())), 2);
    }

    @Test
    void srgbProfileLeavesValuesAlone() throws Exception {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        assertEquals(128, centre(pngWithProfile(srgb)), 1);
        assertEquals(128, centre(jpegWithProfile(srgb)), 2);
    }

    @Test
    void garbageProfileIsIgnored() throws Exception {
        assertEquals(128, centre(pngWithProfile("not a profile".getBytes(StandardCharsets.US_ASCII))), 1);
    }

    private int centre(byte[] data) throws ImageRejectedException {
        try (Decoder.Opened opened = decoder.open(data)) {
            return opened.read().getRGB(8, 8) >> 8 & 0xFF;
        }
    }

    static byte[] linearProfile() {
        byte[] data = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        String text = new String(data, StandardCharsets.ISO_8859_1);
        for (int i = text.indexOf("sRGB"); i >= 0; i = text.indexOf("sRGB", i + 1)) {
            data[i] = 'x';
        }
        // TwelveMonkeys recognises the JDK's profiles by their header: give it another creation year
        data[24] = 0x07;
        data[25] = (byte) 0xE0;
        return data;
    }

    private static BufferedImage gray() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, 0x808080);
            }
        }
        return image;
    }

    /** A PNG with an iCCP chunk right after IHDR. */
    static byte[] pngWithProfile(byte[] profile) throws Exception {
        byte[] png = TestImages.png(gray());
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes("test".getBytes(StandardCharsets.US_ASCII));
        chunk.write(0);
        chunk.write(0);
        try (DeflaterOutputStream z = new DeflaterOutputStream(chunk)) {
            z.write(profile);
        }
        byte[] body = chunk.toByteArray();
        byte[] type = "iCCP".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature + IHDR
        out.writeBytes(ByteBuffer.allocate(4).putInt(body.length).array());
        out.writeBytes(type);
        out.writeBytes(body);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /**
     * A JPEG carrying the profile in one APP2 "ICC_PROFILE" segment, inserted
     * by hand: the JDK writer silently drops a profile that does not match the
     * image's own colour space.
     */
    static byte[] jpegWithProfile(byte[] profile) {
        byte[] jpeg = TestImages.jpeg(gray(), 100, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int length = 2 + 12 + 2 + profile.length;
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
        out.writeBytes("ICC_PROFILE".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 1, 1}); // terminator, chunk 1 of 1
        out.writeBytes(profile);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
