package dev.termvault.app.cli;

import dev.termvault.app.core.hosts.HostView;
import dev.termvault.vault.model.Host;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How hosts are shown: a table and a detail view for people; scripts get core's {@link HostView} as JSON. */
final class HostViews {

    private HostViews() {
    }

    /** {@code user@hostname:port}, the way a person reads a target. */
    static String target(Host host) {
        return (host.username() != null ? host.username() + "@" : "") + host.hostname() + ":" + host.port();
    }

    static String write(Object value) {
        return Json.write(value);
    }

    static void printTable(List<HostView> hosts, PrintWriter out) {
        TextTable table = new TextTable("LABEL", "HOSTNAME", "PORT", "USER", "TAGS");
        for (HostView host : hosts) {
            table.row(host.label(), host.hostname(), Integer.toString(host.port()),
                    host.username() == null ? "-" : host.username(), String.join(",", host.tags()));
        }
        table.print(out);
    }

    static void printDetails(HostView host, PrintWriter out) {
        line(out, "Label", host.label());
        line(out, "Hostname", host.hostname());
        line(out, "Port", Integer.toString(host.port()));
        line(out, "User", host.username() == null ? "(asked when connecting)" : host.username());
        line(out, "Auth", authName(host.auth()));
        optional(out, "Key", host.keyId(), host.keyName());
        optional(out, "Credential", host.credentialId(), host.credentialName());
        if (!host.jumpHosts().isEmpty()) {
            List<String> hops = new ArrayList<>();
            for (int i = 0; i < host.jumpHosts().size(); i++) {
                hops.add(name(host.jumpHosts().get(i), host.jumpHostLabels().get(i)));
            }
            line(out, "Jump hosts", String.join(" -> ", hops));
        }
        for (String forward : host.forwardSpecs()) {
            line(out, "Forward", forward);
        }
        line(out, "Tags", host.tags().isEmpty() ? "-" : String.join(", ", host.tags()));
        optional(out, "Group", host.groupId(), host.groupName());
        if (host.keepAliveSeconds() > 0) {
            line(out, "Keep-alive", host.keepAliveSeconds() + " s");
        }
        if (host.notes() != null && !host.notes().isBlank()) {
            line(out, "Notes", host.notes());
        }
        line(out, "Id", host.id());
        line(out, "Revision", Long.toString(host.revision()));
    }

    /** How {@code --auth} writes a way to log in: auto, key, password, keyboard-interactive. */
    static String authName(dev.termvault.vault.model.AuthMethod method) {
        return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String name(String id, String name) {
        return name != null ? name : "(missing record " + id + ")";
    }

    private static void optional(PrintWriter out, String field, String id, String name) {
        if (id != null) {
            line(out, field, name(id, name));
        }
    }

    private static void line(PrintWriter out, String name, String value) {
        out.printf("%-11s %s%n", name + ":", value);
    }
}
