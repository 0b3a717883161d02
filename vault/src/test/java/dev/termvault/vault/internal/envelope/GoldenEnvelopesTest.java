package dev.termvault.vault.internal.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.secret.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** v1 data written by earlier builds stays readable: the checked-in golden envelopes still open. */
class GoldenEnvelopesTest {

    private static final String DIR = "/golden/v1/";

    @Test
    void goldenV1Envelopes_openToTheirRecordedPayloads() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(resource("manifest.json"));
        VaultKeyResolver keys = version -> Optional.ofNullable(manifest.get("vaultKeys").get(Integer.toString(version)))
                .map(hex -> SecretBytes.copyOf(HexFormat.of().parseHex(hex.asText())));
        int opened = 0;
        for (JsonNode golden : manifest.get("envelopes")) {
            byte[] envelope = resource(golden.get("file").asText());
            RecordAddress address = new RecordAddress(UUID.fromString(golden.get("vaultId").asText()),
                    UUID.fromString(golden.get("recordId").asText()), golden.get("revision").asLong());
            EnvelopeHeader header = Envelopes.peek(envelope);
            assertThat(header.formatVersion()).isEqualTo(1);
            assertThat(header.address()).isEqualTo(address);
            assertThat(header.vaultKeyVersion()).isEqualTo(golden.get("vaultKeyVersion").asInt());
            assertThat(Envelopes.open(address, keys, envelope)).as(golden.get("file").asText())
                    .isEqualTo(golden.get("payload").asText().getBytes(StandardCharsets.UTF_8));
            RecordAddress nextRevision = new RecordAddress(address.vaultId(), address.recordId(), address.revision() + 1);
            assertThatThrownBy(() -> Envelopes.open(nextRevision, keys, envelope)).isInstanceOf(VaultException.Tampered.class);
            opened++;
        }
        assertThat(opened).isGreaterThanOrEqualTo(4);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenEnvelopesTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as("golden resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
