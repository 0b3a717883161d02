package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.Snippet;
import dev.termvault.vault.model.SshKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming record reader against the data binding it speeds up: every record type and field round-trips,
 * unknown fields are skipped, and every payload it does not read itself gets the data binding's verdict.
 */
class RecordCodecTest {

    private static final RecordReader FAST = new RecordReader(new JsonFactory());
    private static final ObjectMapper TREE = new ObjectMapper();

    static Stream<Item> items() {
        Host full = new Host("web «prod» ünïcode", "web-1.example.org", 2222, "deploy", AuthMethod.KEYBOARD_INTERACTIVE,
                "0b6b7f5e-1f0e-4a53-9b8e-6e2f3f0e5a11", "7d1c2a4e-8f5b-4a3c-9e2d-1b0a9c8d7e6f",
                List.of("bastion-1", "bastion-2"),
                List.of(new PortForward(PortForward.Kind.LOCAL, "127.0.0.1", 15432, "db.internal", 5432),
                        new PortForward(PortForward.Kind.REMOTE, null, 8080, "localhost", 80),
                        new PortForward(PortForward.Kind.DYNAMIC, "localhost", 1080, null, 0)),
                List.of("prod", "eu", "web"), "3e0f6a7b-2c1d-4e5f-8a9b-0c1d2e3f4a5b",
                "line one\nline \"two\"\t\\ and \u0001 control", 30,
                Map.of("LANG", "C.UTF-8", "type", "not-a-type-id", "EMPTY", ""), true,
                List.of("ssh-rsa", "diffie-hellman-group14-sha1"));
        return Stream.of(
                full,
                Host.of("minimal", "h.example.net", 22, null),
                new Host("password auth", "10.0.0.1", 65535, "root", AuthMethod.PASSWORD, null, null, List.of(),
                        List.of(), List.of(), null, "", 0, Map.of(), false, List.of()),
                new SshKey("deploy key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\n",
                        "ssh-ed25519 AAAAC3Nz me@laptop", "me@laptop", "ssh-ed25519"),
                new SshKey("bare key", null, null, null, null),
                new Credential("db", "postgres", "s3cr\"et\\"),
                new Credential("no user", null, null),
                new KnownHost("[git.example.org]:2222", 2222, "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5",
                        Instant.parse("2026-11-27T05:28:36.123456789Z"), true),
                new KnownHost("old.example.org", 22, "ssh-rsa", "AAAAB3", null, false),
                new KnownHost("epoch.example.org", 22, "ssh-rsa", "AAAAB3", Instant.EPOCH, false),
                new Snippet("disk usage", "df -h | sort -k5 -r", List.of("ops", "disk")),
                new Snippet("uptime", "uptime", List.of()),
                new Group("Production", "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"),
                new Group("Top", null));
    }

    @ParameterizedTest
    @MethodSource("items")
    void everyRecordTypeAndField_roundTripsThroughTheStreamingReader(Item item) throws Exception {
        byte[] payload = RecordCodec.encode(item);

        assertThat(FAST.read(payload)).isEqualTo(item); // read by the streaming path, not the fallback
        assertThat(RecordCodec.decode(payload)).isEqualTo(item);
        assertThat(RecordCodec.decodeWithBinding(payload)).isEqualTo(item);
    }

    @ParameterizedTest
    @MethodSource("items")
    void searchText_holdsEveryStoredStringAndNumber_exceptTypeIdsAndBooleans(Item item) throws Exception {
        JsonNode stored = TREE.readTree(RecordCodec.encode(item));
        List<String> expected = new ArrayList<>();
        collect(stored, expected);

        String text = RecordCodec.searchText(item);

        // The same values, each followed by a newline, in any order (values may hold newlines themselves).
        StringBuilder expectedText = new StringBuilder();
        expected.forEach(value -> expectedText.append(value).append('\n'));
        assertThat(text).hasSameSizeAs(expectedText);
        assertThat(text.split("\n", -1)).containsExactlyInAnyOrder(expectedText.toString().split("\n", -1));
        assertThat(text).isEqualTo(text.toLowerCase(Locale.ROOT)).doesNotContain("true");
    }

    /** The search text's definition, from the stored JSON: every string and number, not a textual "type". */
    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!"type".equals(field.getKey()) || !field.getValue().isTextual()) {
                    collect(field.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, out));
        } else if (node.isTextual() || node.isNumber()) {
            out.add(node.asText().toLowerCase(Locale.ROOT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // unknown fields of every JSON kind, as a newer version might write them
        "{\"type\":\"host\",\"label\":\"a\",\"colour\":\"red\",\"hostname\":\"h\",\"port\":22,"
                + "\"extra\":{\"nested\":[1,{\"type\":\"x\"}]},\"flags\":[true,null,3.5],\"n\":null}",
        "{\"type\":\"group\",\"name\":\"g\",\"icon\":{\"a\":1}}",
        "{\"type\":\"credential\",\"name\":\"c\",\"otp\":[\"x\"]}",
    })
    void unknownFields_areSkippedByTheStreamingReader_asByTheBinding(String json) throws Exception {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);

        Item fast = FAST.read(payload);

        assertThat(fast).isEqualTo(RecordCodec.decodeWithBinding(payload));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // readable JSON in shapes the encoder does not write: the data binding reads them as before
        "{\"label\":\"a\",\"type\":\"host\",\"hostname\":\"h\",\"port\":22}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":\"2222\"}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22.0}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"keepAliveSeconds\":null}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"label\":\"b\"}",
        "{\"type\":\"host\",\"label\":5,\"hostname\":\"h\",\"port\":22}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"agentForwarding\":\"true\"}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"tags\":\"solo\"}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"environment\":{\"K\":1}}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"type\":\"host\"}",
        "{\"type\":\"known-host\",\"hostPattern\":\"h\",\"port\":22,\"keyType\":\"t\",\"key\":\"k\",\"firstSeen\":0}",
        "{\"type\":\"group\",\"name\":\"g\"} trailing",
    })
    void otherReadableShapes_getTheBindingsResult(String json) throws Exception {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FAST.read(payload)).isInstanceOf(RecordReader.NotCanonical.class);
        assertThat(outcome(() -> RecordCodec.decode(payload)))
                .isEqualTo(outcome(() -> RecordCodec.decodeWithBinding(payload)));
    }

    private interface Decode {
        Item run() throws IOException;
    }

    /** The item read, or the class of the exception thrown. */
    private static Object outcome(Decode decode) {
        try {
            return decode.run();
        } catch (IOException | RuntimeException e) {
            return e.getClass();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not json",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,}",
        "{\"label\":\"a\",\"hostname\":\"h\",\"port\":22}",
        "{\"type\":\"spaceship\",\"name\":\"x\"}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":0}",
        "{\"type\":\"host\",\"label\":\" \",\"hostname\":\"h\",\"port\":22}",
        "{\"type\":\"host\",\"hostname\":\"h\",\"port\":22}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"auth\":\"TELEPATHY\"}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"tags\":[\"x\",null]}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,\"port\":99999999999}",
        "{\"type\":\"host\",\"label\":\"a\",\"hostname\":\"h\",\"port\":22,"
                + "\"forwards\":[{\"kind\":\"LOCAL\",\"bindPort\":1,\"targetPort\":2}]}",
        "{\"type\":\"known-host\",\"hostPattern\":\"h\",\"port\":22,\"keyType\":\"t\",\"key\":\"k\",\"firstSeen\":\"yesterday\"}",
        "{\"type\":\"ssh-key\",\"name\":\"\"}",
        "[\"type\",\"host\"]",
    })
    void malformedOrRefusedPayloads_failAsWithTheBinding(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FAST.read(payload)).isInstanceOf(RecordReader.NotCanonical.class);
        Throwable binding = catchThrowable(() -> RecordCodec.decodeWithBinding(payload));
        assertThat(binding).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> RecordCodec.decode(payload)).isInstanceOf(IOException.class)
                .hasSameClassAs(binding);
    }
}
