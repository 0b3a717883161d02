package dev.termvault.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Record payloads: every record type and field round-trips, unknown fields are ignored, a malformed payload is
 * refused; and a record's search text holds exactly the strings and numbers of its stored JSON.
 */
class RecordCodecTest {

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
    void everyRecordTypeAndField_roundTrips(Item item) throws Exception {
        byte[] payload = RecordCodec.encode(item);

        assertThat(RecordCodec.decode(payload)).isEqualTo(item);
    }

    @ParameterizedTest
    @MethodSource("items")
    void searchText_holdsEveryStoredStringAndNumber_exceptTypeIdsBooleansAndSecrets(Item item) throws Exception {
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

    /**
     * The search text's definition, from the stored JSON: every string and number, not a textual "type", and not
     * a secret (a credential's password, a key's private key).
     */
    private static final java.util.Set<String> SECRET_FIELDS = java.util.Set.of("password", "privateKey");

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean secret = SECRET_FIELDS.contains(field.getKey());
                if (!secret && (!"type".equals(field.getKey()) || !field.getValue().isTextual())) {
                    collect(field.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, out));
        } else if (node.isTextual() || node.isNumber()) {
            out.add(node.asText().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void unknownFields_ofEveryJsonKind_areIgnored() throws Exception {
        String json = "{\"type\":\"host\",\"label\":\"a\",\"colour\":\"red\",\"hostname\":\"h\",\"port\":22,"
                + "\"extra\":{\"nested\":[1,{\"type\":\"x\"}]},\"flags\":[true,null,3.5],\"n\":null}";

        assertThat(RecordCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(Host.of("a", "h", 22, null));
    }

    /** One item per record type with every component set, so a field added later must be added here too. */
    @Test
    void theItemsAbove_setEveryFieldOfEveryRecordType() throws Exception {
        List<Class<?>> full = new ArrayList<>();
        for (Item item : items().toList()) {
            boolean allSet = true;
            for (RecordComponent component : item.getClass().getRecordComponents()) {
                Object value = component.getAccessor().invoke(item);
                allSet &= value != null && !(value instanceof Collection<?> c && c.isEmpty())
                        && !(value instanceof Map<?, ?> m && m.isEmpty()) && !Boolean.FALSE.equals(value)
                        && !Integer.valueOf(0).equals(value);
            }
            if (allSet) {
                full.add(item.getClass());
            }
        }
        assertThat(full).containsAll(List.of(Item.class.getPermittedSubclasses()));
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
    void malformedOrRefusedPayloads_areRefused(String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RecordCodec.decode(payload)).isInstanceOf(IOException.class);
    }
}
