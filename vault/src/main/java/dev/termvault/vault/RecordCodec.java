package dev.termvault.vault;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.termvault.vault.model.Item;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A record's plaintext payload: the {@link Item} as UTF-8 JSON, its type inside ({@code "type": "host"}).
 * Null fields are left out (a smaller payload parses faster; a missing field reads as null). Unknown fields
 * are ignored when reading, so a newer Termvault's records still open here.
 */
final class RecordCodec {

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
    static byte[] encode(Item item) {
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
    static Item decode(byte[] payload) throws IOException {
        return READER.readValue(payload);
    }

    /**
     * Every string and number of {@code item} (nested lists and maps included; not field names, not booleans)
     * in lower case, separated by newlines: what a search matches against.
     */
    static String searchText(Item item) {
        JsonNode tree = MAPPER.valueToTree(item);
        StringBuilder text = new StringBuilder(128);
        collect(tree, text);
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!"type".equals(field.getKey()) || !field.getValue().isTextual()) {
                    collect(field.getValue(), text);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, text);
            }
        } else if (node.isTextual() || node.isNumber()) {
            text.append(node.asText()).append('\n');
        }
    }
}
