package dev.termvault.vault.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.Snippet;
import dev.termvault.vault.model.SshKey;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A record's plaintext payload: the {@link Item} as UTF-8 JSON, its type inside ({@code "type": "host"}).
 * Null fields are left out (a smaller payload parses faster; a missing field reads as null). Unknown fields
 * are ignored when reading, so a newer Termvault's records still open here.
 */
public final class RecordCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter WRITER = MAPPER.writerFor(Item.class);
    private static final ObjectReader READER = MAPPER.readerFor(Item.class);

    private RecordCodec() {
    }

    /** The payload bytes of {@code item}. */
    public static byte[] encode(Item item) {
        try {
            return WRITER.writeValueAsBytes(item);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("This item cannot be stored: " + item.itemType(), e);
        }
    }

    /**
     * The item held by a payload.
     *
     * @throws IOException when the payload is not a record this version can read
     */
    public static Item decode(byte[] payload) throws IOException {
        return READER.readValue(payload);
    }

    /**
     * Every string and number of {@code item} as it is stored (nested lists and maps included; not field names,
     * not booleans, not the type id, not an environment value under the name {@code type}), in lower case, each
     * followed by a newline: what a search matches against. Built from the record's fields directly, without
     * writing JSON. Secrets are left out: a credential's password and a key's private key are never searched
     * (typing part of a password must not find it, and no lower-cased copy of a secret is kept for searching).
     */
    public static String searchText(Item item) {
        StringBuilder text = new StringBuilder(160);
        switch (item) {
            case Host h -> {
                add(text, h.label());
                add(text, h.hostname());
                add(text, h.port());
                add(text, h.username());
                add(text, h.auth().name());
                add(text, h.keyId());
                add(text, h.credentialId());
                add(text, h.jumpHosts());
                for (PortForward f : h.forwards()) {
                    add(text, f.kind().name());
                    add(text, f.bindAddress());
                    add(text, f.bindPort());
                    add(text, f.targetHost());
                    add(text, f.targetPort());
                }
                add(text, h.tags());
                add(text, h.groupId());
                add(text, h.notes());
                add(text, h.keepAliveSeconds());
                for (Map.Entry<String, String> variable : h.environment().entrySet()) {
                    if (!"type".equals(variable.getKey())) {
                        add(text, variable.getValue());
                    }
                }
                add(text, h.legacyAlgorithms());
            }
            case SshKey k -> {
                add(text, k.name());
                add(text, k.publicKey());
                add(text, k.comment());
                add(text, k.keyType());
            }
            case Credential c -> {
                add(text, c.name());
                add(text, c.username());
            }
            case KnownHost k -> {
                add(text, k.hostPattern());
                add(text, k.port());
                add(text, k.keyType());
                add(text, k.key());
                add(text, k.firstSeen() == null ? null : DateTimeFormatter.ISO_INSTANT.format(k.firstSeen()));
            }
            case Snippet s -> {
                add(text, s.name());
                add(text, s.command());
                add(text, s.tags());
            }
            case Group g -> {
                add(text, g.name());
                add(text, g.parentId());
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static void add(StringBuilder text, String value) {
        if (value != null) {
            text.append(value).append('\n');
        }
    }

    private static void add(StringBuilder text, int value) {
        text.append(value).append('\n');
    }

    private static void add(StringBuilder text, List<String> values) {
        for (String value : values) {
            add(text, value);
        }
    }
}
