package dev.termvault.sync.server.keys.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Reads a vector file from the folder in system property {@code termvault.testvectors}. */
final class TestVectors {

    private TestVectors() {
    }

    static JsonNode read(String relative) throws IOException {
        String dir = System.getProperty("termvault.testvectors");
        Path file = dir == null ? null : Path.of(dir, relative);
        boolean present = file != null && Files.isRegularFile(file);
        String why = "test vectors " + relative + " not found under termvault.testvectors=" + dir;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(present, why);
        } else {
            Assumptions.assumeTrue(present, "SKIPPED: " + why);
        }
        return new ObjectMapper().readTree(file.toFile());
    }
}
