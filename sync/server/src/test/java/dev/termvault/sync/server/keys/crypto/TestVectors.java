package dev.termvault.sync.server.keys.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Assertions;

/**
 * Reads a test vector file from the test class path ({@code src/test/resources/testvectors/}, see the README.md
 * there for where each file came from). A missing file fails the test: the vectors are part of the project.
 */
final class TestVectors {

    private TestVectors() {
    }

    static JsonNode read(String relative) throws IOException {
        String resource = "/testvectors/" + relative;
        try (InputStream in = TestVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Assertions.fail("test vectors missing from the test class path: " + resource);
            }
            return new ObjectMapper().readTree(in);
        }
    }
}
