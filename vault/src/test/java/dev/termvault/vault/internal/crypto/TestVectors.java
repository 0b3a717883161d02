package dev.termvault.vault.internal.crypto;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

/**
 * Reads a test vector file from the test class path ({@code src/test/resources/testvectors/}, see the README.md
 * there for where each file came from). A missing file fails the test: the vectors are part of the project.
 */
public final class TestVectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestVectors() {
    }

    public static JsonNode load(String relativePath) {
        String resource = "/testvectors/" + relativePath;
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                return fail("test vectors missing from the test class path: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    public static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    public static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
