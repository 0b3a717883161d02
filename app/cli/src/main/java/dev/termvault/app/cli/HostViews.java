package dev.termvault.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** How hosts are shown: a table and a detail view for people, JSON for scripts. */
final class HostViews {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HostViews() {
    }

    /** {@code user@hostname:port}, the way a person reads a target. */
    static String target(Host host) {
        return (host.username() != null ? host.username() + "@" : "") + host.hostname() + ":" + host.port();
    }

    /** One JSON object per host: {@code id}, {@code revision}, then every field of the host. */
    static ObjectNode json(VaultRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", record.id());
        node.put("revision", record.revision());
        ObjectNode fields = JSON.valueToTree(record.item());
        fields.remove("type");
        node.setAll(fields);
        return node;
    }

    static String json(List<VaultRecord> records) {
        ArrayNode array = JSON.createArrayNode();
        records.forEach(r -> array.add(json(r)));
        return write(array);
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw CliException.failed("The hosts could not be written as JSON: " + e.getOriginalMessage());
        }
    }

    static void printTable(List<VaultRecord> records, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"LABEL", "HOSTNAME", "PORT", "USER", "TAGS"});
        for (VaultRecord record : records) {
            Host host = (Host) record.item();
            rows.add(new String[] {host.label(), host.hostname(), Integer.toString(host.port()),
                host.username() == null ? "-" : host.username(), String.join(",", host.tags())});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static void printDetails(VaultRecord record, PrintWriter out) {
        Host host = (Host) record.item();
        line(out, "Label", host.label());
        line(out, "Hostname", host.hostname());
        line(out, "Port", Integer.toString(host.port()));
        line(out, "User", host.username() == null ? "(asked when connecting)" : host.username());
        line(out, "Auth", host.auth().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        line(out, "Tags", host.tags().isEmpty() ? "-" : String.join(", ", host.tags()));
        if (!host.jumpHosts().isEmpty()) {
            line(out, "Jump hosts", String.join(" -> ", host.jumpHosts()));
        }
        if (host.keepAliveSeconds() > 0) {
            line(out, "Keep-alive", host.keepAliveSeconds() + " s");
        }
        if (host.notes() != null && !host.notes().isBlank()) {
            line(out, "Notes", host.notes());
        }
        line(out, "Id", record.id());
        line(out, "Revision", Long.toString(record.revision()));
    }

    private static void line(PrintWriter out, String name, String value) {
        out.printf("%-11s %s%n", name + ":", value);
    }
}
