package io.progimage.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document as a node serves it passes Redocly's recommended rules with no error and no warning. */
@ExtendWith(Stack.class)
class OpenApiIT {

    /** Pinned: a newer Redocly may add rules, which is a change to review, not to take unawares. */
    static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void theServedDocumentPassesRedoclysRecommendedRules() throws Exception {
        Api.Reply document = Api.get("/openapi");
        assertEquals(200, document.status());
        Path work = Files.createDirectories(Path.of(System.getProperty("progimage.it.work", "target/it")));
        Path file = Files.writeString(work.resolve("openapi.yaml"), document.body());
        Path report = work.resolve("redocly-lint.json");
        Process lint = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", "--extends=recommended", "--format=json",
                file.toString())).redirectOutput(report.toFile()).redirectErrorStream(false)
                .redirectError(work.resolve("redocly-lint.log").toFile()).start();
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "redocly did not finish");
        String text = Files.readString(report);
        JsonObject result = Json.createReader(new StringReader(text.substring(text.indexOf('{')))).readObject();
        JsonObject totals = result.getJsonObject("totals");
        String problems = result.getJsonArray("problems").toString();
        assertEquals(0, totals.getInt("errors"), problems);
        assertEquals(0, totals.getInt("warnings"), problems);
    }
}
