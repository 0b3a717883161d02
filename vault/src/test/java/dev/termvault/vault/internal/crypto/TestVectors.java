package dev.termvault.vault.internal.crypto;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads the shared test vectors from the directory in system property {@code termvault.testvectors}.
 * A missing file fails the test when CI=true and skips it, with a notice, otherwise.
 */
public final class TestVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestVectors() {
    }

    public static JsonNode load(String relativePath) {
        String root = System.getProperty("termvault.testvectors");
        Path file = root == null ? null : Path.of(root, relativePath);
        if (file == null || !Files.isRegularFile(file)) {
            String notice = "test vectors not found: " + relativePath + " under termvault.testvectors=" + root;
            if ("true".equals(System.getenv("CI"))) {
                fail(notice);
            }
            System.err.println("SKIPPED: " + notice);
            Assumptions.abort(notice);
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
