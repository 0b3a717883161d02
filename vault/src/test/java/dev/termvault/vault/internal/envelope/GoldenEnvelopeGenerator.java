package dev.termvault.vault.internal.envelope;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.termvault.vault.secret.SecretBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Writes the golden v1 envelopes under src/test/resources/golden/v1/. NOT part of the test suite:
 * run it by hand, once, when a format version is introduced (see the README in that folder); the
 * checked-in files must then never change, because {@link GoldenEnvelopesTest} proves this build still
 * reads them. The vault keys are fixed test keys; the DEKs and nonces are random at generation time.
 */
public final class GoldenEnvelopeGenerator {

    static final String VAULT_KEY_1 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final String VAULT_KEY_2 = "f0e0d0c0b0a090807060504030201000fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0";

    private GoldenEnvelopeGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "vault/src/test/resources/golden/v1");
        Files.createDirectories(out);
        SecretBytes vk1 = SecretBytes.copyOf(HexFormat.of().parseHex(VAULT_KEY_1));
        SecretBytes vk2 = SecretBytes.copyOf(HexFormat.of().parseHex(VAULT_KEY_2));
        UUID vault = UUID.fromString("6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", "Termvault envelope v1");
        manifest.putObject("vaultKeys").put("1", VAULT_KEY_1).put("2", VAULT_KEY_2);
        ArrayNode cases = manifest.putArray("envelopes");

        String host = "{\"type\":\"host\",\"label\":\"prod-db\",\"hostname\":\"db1.prod.example.net\",\"port\":22,"
                + "\"username\":\"deploy\",\"tags\":[\"prod\",\"db\"]}";
        write(out, cases, "host", new RecordAddress(vault, UUID.fromString("0a0b0c0d-0000-4000-8000-000000000001"), 1),
                1, vk1, host, null);
        write(out, cases, "empty-payload", new RecordAddress(vault, UUID.fromString("0a0b0c0d-0000-4000-8000-000000000002"), 0),
                1, vk1, "", null);
        String key = "{\"type\":\"ssh-key\",\"name\":\"laptop\",\"privateKey\":\"" + "AAAAB3NzaC1lZDI1NTE5".repeat(60) + "\"}";
        write(out, cases, "ssh-key-1k", new RecordAddress(vault, UUID.fromString("0a0b0c0d-0000-4000-8000-000000000003"), 12),
                1, vk1, key, null);
        String snippet = "{\"type\":\"snippet\",\"name\":\"caf\u00e9 \u2603\",\"body\":\"uptime && df -h\"}";
        write(out, cases, "rewrapped-to-key-2", new RecordAddress(vault, UUID.fromString("0a0b0c0d-0000-4000-8000-000000000004"), 5),
                1, vk1, snippet, vk2);
        Files.writeString(out.resolve("manifest.json"), json.writeValueAsString(manifest));
    }

    private static void write(Path out, ArrayNode cases, String name, RecordAddress address, int version,
                              SecretBytes vaultKey, String payload, SecretBytes rewrapTo) throws IOException {
        byte[] envelope = Envelopes.seal(address, version, vaultKey, payload.getBytes(StandardCharsets.UTF_8));
        int finalVersion = version;
        if (rewrapTo != null) {
            finalVersion = version + 1;
            envelope = Envelopes.rewrap(envelope, vaultKey, finalVersion, rewrapTo);
        }
        Files.write(out.resolve(name + ".tve"), envelope);
        cases.addObject().put("file", name + ".tve").put("vaultId", address.vaultId().toString())
                .put("recordId", address.recordId().toString()).put("revision", address.revision())
                .put("vaultKeyVersion", finalVersion).put("payload", payload);
    }
}
