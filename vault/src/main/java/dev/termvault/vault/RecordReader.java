package dev.termvault.vault;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming reader for record payloads in the shape {@link RecordCodec#encode} writes them: {@code "type"}
 * first, every field with the JSON type it is written with, no field twice. It builds the records directly
 * from the parser's tokens, without the data binding's reflection and buffering, which makes unlock's parsing
 * several times faster.
 *
 * <p>It reads only what it is sure of. Anything else (a type id that is not first, a number where a string is
 * written, a duplicate field, a value the record's constructor refuses, malformed JSON) is answered with
 * {@link #NOT_CANONICAL}, and the caller hands the payload to the data binding, which then decides exactly as
 * it did before this reader existed. Unknown fields are skipped, as the data binding skips them.
 */
final class RecordReader {

    /** Thrown when the payload is not in the canonical shape; carries no stack trace (it is not an error). */
    static final class NotCanonical extends Exception {
        private static final long serialVersionUID = 1L;

        private NotCanonical() {
            super("payload not in the canonical shape", null, false, false);
        }
    }

    static final NotCanonical NOT_CANONICAL = new NotCanonical();

    private final JsonFactory factory;

    RecordReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The item of a canonical payload. */
    Item read(byte[] payload) throws NotCanonical {
        try (JsonParser p = factory.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT || !"type".equals(p.nextFieldName())
                    || p.nextToken() != JsonToken.VALUE_STRING) {
                throw NOT_CANONICAL;
            }
            Item item = switch (p.getText()) {
                case "host" -> host(p);
                case "ssh-key" -> sshKey(p);
                case "credential" -> credential(p);
                case "known-host" -> knownHost(p);
                case "snippet" -> snippet(p);
                case "group" -> group(p);
                default -> throw NOT_CANONICAL;
            };
            if (p.nextToken() != null) {
                throw NOT_CANONICAL;
            }
            return item;
        } catch (IOException | RuntimeException e) {
            // Malformed JSON, or a value the record refuses: the data binding gives the verdict.
            throw NOT_CANONICAL;
        }
    }

    private static Host host(JsonParser p) throws IOException, NotCanonical {
        String label = null;
        String hostname = null;
        int port = 0;
        String username = null;
        AuthMethod auth = null;
        String keyId = null;
        String credentialId = null;
        List<String> jumpHosts = null;
        List<PortForward> forwards = null;
        List<String> tags = null;
        String groupId = null;
        String notes = null;
        int keepAliveSeconds = 0;
        Map<String, String> environment = null;
        boolean agentForwarding = false;
        List<String> legacyAlgorithms = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "label" -> { bit = 1; label = string(p); }
                case "hostname" -> { bit = 1 << 1; hostname = string(p); }
                case "port" -> { bit = 1 << 2; port = integer(p); }
                case "username" -> { bit = 1 << 3; username = string(p); }
                case "auth" -> { bit = 1 << 4; String a = string(p); auth = a == null ? null : AuthMethod.valueOf(a); }
                case "keyId" -> { bit = 1 << 5; keyId = string(p); }
                case "credentialId" -> { bit = 1 << 6; credentialId = string(p); }
                case "jumpHosts" -> { bit = 1 << 7; jumpHosts = stringList(p); }
                case "forwards" -> { bit = 1 << 8; forwards = forwards(p); }
                case "tags" -> { bit = 1 << 9; tags = stringList(p); }
                case "groupId" -> { bit = 1 << 10; groupId = string(p); }
                case "notes" -> { bit = 1 << 11; notes = string(p); }
                case "keepAliveSeconds" -> { bit = 1 << 12; keepAliveSeconds = integer(p); }
                case "environment" -> { bit = 1 << 13; environment = stringMap(p); }
                case "agentForwarding" -> { bit = 1 << 14; agentForwarding = bool(p); }
                case "legacyAlgorithms" -> { bit = 1 << 15; legacyAlgorithms = stringList(p); }
                default -> { bit = 0; skip(p, name); }
            }
            seen = once(seen, bit);
        }
        end(p);
        return new Host(label, hostname, port, username, auth, keyId, credentialId, jumpHosts, forwards, tags,
                groupId, notes, keepAliveSeconds, environment, agentForwarding, legacyAlgorithms);
    }

    private static SshKey sshKey(JsonParser p) throws IOException, NotCanonical {
        String keyName = null;
        String privateKey = null;
        String publicKey = null;
        String comment = null;
        String keyType = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "name" -> { bit = 1; keyName = string(p); }
                case "privateKey" -> { bit = 1 << 1; privateKey = string(p); }
                case "publicKey" -> { bit = 1 << 2; publicKey = string(p); }
                case "comment" -> { bit = 1 << 3; comment = string(p); }
                case "keyType" -> { bit = 1 << 4; keyType = string(p); }
                default -> { bit = 0; skip(p, name); }
            }
            seen = once(seen, bit);
        }
        end(p);
        return new SshKey(keyName, privateKey, publicKey, comment, keyType);
    }

    private static Credential credential(JsonParser p) throws IOException, NotCanonical {
        String credentialName = null;
        String username = null;
        String password = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "name" -> { bit = 1; credentialName = string(p); }
                case "username" -> { bit = 1 << 1; username = string(p); }
                case "password" -> { bit = 1 << 2; password = string(p); }
                default -> { bit = 0; skip(p, name); }
            }
            seen = once(seen, bit);
        }
        end(p);
        return new Credential(credentialName, username, password);
    }

    private static KnownHost knownHost(JsonParser p) throws IOException, NotCanonical {
        String hostPattern = null;
        int port = 0;
        String keyType = null;
        String key = null;
        Instant firstSeen = null;
        boolean revoked = false;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "hostPattern" -> { bit = 1; hostPattern = string(p); }
                case "port" -> { bit = 1 << 1; port = integer(p); }
                case "keyType" -> { bit = 1 << 2; keyType = string(p); }
                case "key" -> { bit = 1 << 3; key = string(p); }
                case "firstSeen" -> { bit = 1 << 4; String s = string(p); firstSeen = s == null ? null : instant(s); }
                case "revoked" -> { bit = 1 << 5; revoked = bool(p); }
                default -> { bit = 0; skip(p, name); }
            }
            seen = once(seen, bit);
        }
        end(p);
        return new KnownHost(hostPattern, port, keyType, key, firstSeen, revoked);
    }

    private static Snippet snippet(JsonParser p) throws IOException, NotCanonical {
        String snippetName = null;
        String command = null;
        List<String> tags = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "name" -> { bit = 1; snippetName = string(p); }
                case "command" -> { bit = 1 << 1; command = string(p); }
                case "tags" -> { bit = 1 << 2; tags = stringList(p); }
                default -> { bit = 0; skip(p, name); }
            }
            seen = once(seen, bit);
        }
        end(p);
        return new Snippet(snippetName, command, tags);
    }

    private static Group group(JsonParser p) throws IOException, NotCanonical {
        String groupName = null;
        String parentId = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "name" -> { bit = 1; groupName = string(p); }
                case "parentId" -> { bit = 1 << 1; parentId = string(p); }
                default -> { bit = 0; skip(p, name); }
            }
            seen = once(seen, bit);
        }
        end(p);
        return new Group(groupName, parentId);
    }

    private static List<PortForward> forwards(JsonParser p) throws IOException, NotCanonical {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw NOT_CANONICAL;
        }
        List<PortForward> list = new ArrayList<>(2);
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw NOT_CANONICAL;
            }
            list.add(forward(p));
        }
        return list;
    }

    private static PortForward forward(JsonParser p) throws IOException, NotCanonical {
        PortForward.Kind kind = null;
        String bindAddress = null;
        int bindPort = 0;
        String targetHost = null;
        int targetPort = 0;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit;
            switch (name) {
                case "kind" -> { bit = 1; String k = string(p); kind = k == null ? null : PortForward.Kind.valueOf(k); }
                case "bindAddress" -> { bit = 1 << 1; bindAddress = string(p); }
                case "bindPort" -> { bit = 1 << 2; bindPort = integer(p); }
                case "targetHost" -> { bit = 1 << 3; targetHost = string(p); }
                case "targetPort" -> { bit = 1 << 4; targetPort = integer(p); }
                default -> { bit = 0; skip(p, name); }
            }
            seen = once(seen, bit);
        }
        end(p);
        return new PortForward(kind, bindAddress, bindPort, targetHost, targetPort);
    }

    /** Marks a known field as read; a field that comes twice is not canonical. */
    private static int once(int seen, int bit) throws NotCanonical {
        if ((seen & bit) != 0) {
            throw NOT_CANONICAL;
        }
        return seen | bit;
    }

    /** After the last field name: the object must end here. */
    private static void end(JsonParser p) throws NotCanonical {
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw NOT_CANONICAL;
        }
    }

    /** Skips an unknown field's value; a second type id is not canonical. */
    private static void skip(JsonParser p, String name) throws IOException, NotCanonical {
        if ("type".equals(name)) {
            throw NOT_CANONICAL;
        }
        p.nextToken();
        p.skipChildren();
    }

    private static String string(JsonParser p) throws IOException, NotCanonical {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw NOT_CANONICAL;
    }

    private static int integer(JsonParser p) throws IOException, NotCanonical {
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw NOT_CANONICAL;
        }
        return p.getIntValue();
    }

    private static boolean bool(JsonParser p) throws IOException, NotCanonical {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw NOT_CANONICAL;
    }

    private static List<String> stringList(JsonParser p) throws IOException, NotCanonical {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw NOT_CANONICAL;
        }
        List<String> list = new ArrayList<>(4);
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw NOT_CANONICAL;
            }
            list.add(p.getText());
        }
        return list;
    }

    private static Map<String, String> stringMap(JsonParser p) throws IOException, NotCanonical {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw NOT_CANONICAL;
        }
        Map<String, String> map = new LinkedHashMap<>();
        String key;
        while ((key = p.nextFieldName()) != null) {
            if (p.nextToken() != JsonToken.VALUE_STRING || map.containsKey(key)) {
                throw NOT_CANONICAL;
            }
            map.put(key, p.getText());
        }
        end(p);
        return map;
    }

    private static Instant instant(String text) {
        return Instant.parse(text);
    }
}
