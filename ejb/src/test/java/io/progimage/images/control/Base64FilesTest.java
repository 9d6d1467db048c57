package io.progimage.images.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Base64FilesTest {

    private static final byte[] BYTES = {(byte) 0xFB, (byte) 0xFF, 0x10, 0x20, (byte) 0xFE};

    @Test
    void standardUrlSafePaddedUnpaddedDataUriAndLineBreaksAllDecode() {
        String standard = Base64.getEncoder().encodeToString(BYTES);
        assertArrayEquals(BYTES, Base64Files.decode(standard).orElseThrow());
        assertArrayEquals(BYTES, Base64Files.decode(standard.replace("=", "")).orElseThrow());
        assertArrayEquals(BYTES, Base64Files.decode(Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES)).orElseThrow());
        assertArrayEquals(BYTES, Base64Files.decode("data:image/jpeg;base64," + standard).orElseThrow());
        assertArrayEquals(BYTES, Base64Files.decode(standard.substring(0, 4) + "\r\n" + standard.substring(4)).orElseThrow());
    }

    @Test
    void strayCharactersAndEmptyInputAreInvalid() {
        assertTrue(Base64Files.decode("abc$def").isEmpty());
        assertTrue(Base64Files.decode("").isEmpty());
        assertTrue(Base64Files.decode("data:image/png;base64,").isEmpty());
        assertTrue(Base64Files.decode("data:text/html;base64," + Base64.getEncoder().encodeToString("<b>".getBytes(StandardCharsets.UTF_8))).isEmpty());
    }
}
