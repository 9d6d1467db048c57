package io.progimage.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static io.progimage.it.Uploads.hashOf;
import static io.progimage.it.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dominant_color} and {@code blurhash} of a ready image (issue 14), in both shapes. */
@ExtendWith(Stack.class)
class PlaceholdersIT {

    private static final int RED = 0xD02010;
    private static final int BLUE = 0x1030C0;

    /** Left 5/8 red, right 3/8 blue. */
    private static byte[] redAndBlue() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) {
                image.setRGB(x, y, x < 200 ? RED : BLUE);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aReadyImageCarriesItsDominantColourAndABlurHashThatDecodesToItsColours() throws IOException {
        String token = OAuthClient.newToken();
        Api.Reply reply = upload(token, hashOf(redAndBlue()));
        assertEquals(201, reply.status(), reply.body());
        JsonObject single = reply.json().getJsonObject("data");
        String colour = single.getString("dominant_color");
        assertTrue(colour.matches("#[0-9a-f]{6}"), colour);
        assertTrue(distance(Integer.parseInt(colour.substring(1), 16), RED) < 12, colour + " is the red that covers most of it");

        String hash = single.getString("blurhash");
        assertArrayEquals(new int[] {4, 3}, BlurHashReference.components(hash));
        int[] decoded = BlurHashReference.decode(hash, 32, 20);
        // the reference decoder's picture: red on the left, blue on the right, as the image
        int left = decoded[10 * 32 + 4];
        int right = decoded[10 * 32 + 30];
        assertTrue(distance(left, RED) < 60, String.format("left #%06x", left));
        assertTrue(distance(right, BLUE) < 60, String.format("right #%06x", right));

        JsonObject flat = Uploads.get(token, "/user/images/" + single.getString("id")).json().getJsonObject("data");
        assertEquals(colour, flat.getString("dominant_color"));
        assertEquals(hash, flat.getString("blurhash"));
    }

    @Test
    void aFailedImageHasNoPlaceholders() throws Exception {
        java.net.URI node = Stack.secondNodeUri(); // fetches from 127.0.0.1
        String token = OAuthClient.newToken();
        try (RemoteServer remote = new RemoteServer()) {
            Api.Reply queued = BulkIT.bulk(node, token, jakarta.json.Json.createArrayBuilder()
                    .add(jakarta.json.Json.createObjectBuilder().add("remote_file_url", remote.url("/missing.jpg"))));
            assertEquals(202, queued.status(), queued.body());
            String id = BulkIT.ids(queued).iterator().next();
            JsonObject failed = Statuses.awaitSettled(node, token, java.util.Set.of(id), java.time.Duration.ofSeconds(30)).get(id);
            assertEquals("failed", failed.getString("status"));
            assertFalse(failed.containsKey("dominant_color"));
            assertFalse(failed.containsKey("blurhash"));
        }
    }

    private static double distance(int a, int b) {
        int dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
