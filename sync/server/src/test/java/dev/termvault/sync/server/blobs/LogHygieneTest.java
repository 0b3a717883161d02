package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's logs name events and route templates; never a token, an id from a path, or a body. */
class LogHygieneTest {
    @TempDir
    Path dir;

    @Test
    void requests_areLoggedAsRouteTemplates_withoutTokensIdsOrBodies() throws Exception {
        TestTokens tokens = new TestTokens();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String token = tokens.access("acct-log", "device-log");
        byte[] envelope = "envelope-marker-5d1".getBytes(StandardCharsets.UTF_8);
        try (BlobServer server = new BlobServer(dir, tokens)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                BlobClient device = new BlobClient(server.http(), token);
                device.createVaultOk("vault-id-marker-77");
                device.push("vault-id-marker-77", put("record-id-marker-88", 0, envelope));
                server.http().send("POST", "/v1/vaults", token, "application/json", "{\"broken-body-marker\": ");
                server.http().get("/v1/vaults", "forged." + token.substring(token.indexOf('.') + 1));
            } finally {
                System.setErr(original);
            }
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("event=request").contains("route=/v1/vaults/{vaultId}/changes");
        String payload = token.split("\\.")[1];
        assertThat(logs).doesNotContain(token).doesNotContain(payload).doesNotContain(token.split("\\.")[2])
                .doesNotContain("vault-id-marker-77").doesNotContain("record-id-marker-88")
                .doesNotContain("envelope-marker-5d1").doesNotContain(Base64.getEncoder().encodeToString(envelope))
                .doesNotContain("broken-body-marker").doesNotContain("acct-log").doesNotContain("device-log");
    }
}
