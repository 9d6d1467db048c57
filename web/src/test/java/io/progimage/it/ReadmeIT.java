package io.progimage.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's tour, run as written: every {@code ```sh} block, in order, in one bash, from the
 * repository's root, against the test stack instead of {@code 127.0.0.1:8080} (the one line
 * replaced). So the examples cannot rot: a renamed field, a moved test image or a command that
 * only works by hand fails the build.
 */
@ExtendWith(Stack.class)
class ReadmeIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String BASE_LINE = "B=http://127.0.0.1:8080";

    static List<String> shellBlocks(List<String> readme) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : readme) {
            if (block == null && line.equals("```sh")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void theContractInTheRepositoryIsTheTeamsContract() throws IOException {
        Path shared = ROOT.resolve("../shared/API.md");
        if (Files.exists(shared)) { // beside a work tree or a CI clone; a lone clone has only its copy
            assertEquals(Files.readString(shared), Files.readString(ROOT.resolve("docs/API.md")),
                    "docs/API.md must be a verbatim copy of ../shared/API.md");
        }
        assertTrue(Files.readString(ROOT.resolve("docs/API.md")).contains("§"), "the sections the code cites");
    }

    @Test
    void theTourRunsAsWritten() throws IOException, InterruptedException {
        List<String> blocks = shellBlocks(Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(blocks.size() >= 5, "the tour's blocks: sign-in, uploads, delete, webhook, revoke");
        String script = "set -euo pipefail\n" + String.join("\n", blocks);
        assertTrue(script.contains(BASE_LINE + "\n"), "the tour starts from " + BASE_LINE);
        script = script.replace(BASE_LINE + "\n", "B=" + Stack.baseUri().toString().replaceAll("/$", "") + "\n");

        Path log = Files.createTempFile("readme-tour", ".log");
        Process bash = new ProcessBuilder("bash", "-c", script).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        bash.getOutputStream().close();
        boolean ended = bash.waitFor(180, TimeUnit.SECONDS);
        if (!ended) {
            bash.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(ended, "the tour took more than 180 s:\n" + out);
        assertEquals(0, bash.exitValue(), out);

        assertTrue(out.contains("\"email\":\"ann@example.com\""), "GET /user with the token:\n" + out);
        assertTrue(out.contains("\"status\":\"ready\""), "the single upload is ready:\n" + out);
        assertTrue(out.contains("\"dominant_color\":\"#") && out.contains("\"blurhash\":\""), "placeholders:\n" + out);
        assertTrue(out.contains("\"status\":\"pending\""), "the bulk is queued:\n" + out);
        assertTrue(out.contains("\"meta\":{\"offset\":0,\"limit\":10"), "the list:\n" + out);
        assertTrue(out.contains("HTTP/1.1 204"), "the delete:\n" + out);
        assertTrue(out.contains("\"bulk_id\":\"") && out.contains("\"callback_url\":\"https://app.example/progimage-hooks\"")
                && out.contains("\"webhook\":{\"status\":\""), "the bulk with its webhook:\n" + out);
        assertTrue(out.contains("\"webhook_secret\":\"whsec_"), "the replaced webhook secret:\n" + out);
        assertTrue(out.contains("HTTP/1.1 200"), "the revocation:\n" + out);
        assertTrue(out.contains("HTTP/1.1 401") && out.contains("invalid_token"), "the revoked token:\n" + out);
    }
}
