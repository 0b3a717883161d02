package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.termvault.app.ssh.openssh.ImportPlan;
import dev.termvault.app.ssh.openssh.ImportReport;
import dev.termvault.app.ssh.openssh.PlannedHost;
import dev.termvault.vault.model.Host;

/** How import plans and reports are shown: lines for people, JSON for scripts. */
final class ImportViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportViews() {
    }

    static void printHosts(ImportPlan plan, boolean dryRun, PrintWriter out) {
        out.println((dryRun ? "Would create " : "Hosts in ") + plan.hosts().size() + " host record(s):");
        for (PlannedHost planned : plan.hosts()) {
            Host host = planned.host();
            StringBuilder line = new StringBuilder("  ").append(host.label()).append("  ").append(HostViews.target(host));
            if (!planned.jumpLabels().isEmpty()) {
                line.append("  via ").append(String.join(" -> ", planned.jumpLabels()));
            }
            if (planned.keyFile() != null) {
                line.append("  key ").append(planned.keyFile());
            }
            if (!host.forwards().isEmpty()) {
                line.append("  ").append(host.forwards().size()).append(" forward(s)");
            }
            out.println(line);
        }
    }

    static void printReport(ImportReport report, PrintWriter out) {
        List<ImportReport.Entry> notImported = report.entries().stream()
                .filter(e -> e.outcome() != ImportReport.Outcome.IMPORTED).toList();
        if (!notImported.isEmpty()) {
            out.println("Report:");
            notImported.forEach(e -> out.println("  " + e));
        }
    }

    static String json(ImportPlan plan, boolean dryRun) {
        ObjectNode root = JSON.createObjectNode();
        root.put("dryRun", dryRun);
        ArrayNode hosts = root.putArray("hosts");
        for (PlannedHost planned : plan.hosts()) {
            ObjectNode node = JSON.valueToTree(planned.host());
            node.remove("type");
            node.remove("keyId");
            ArrayNode jumps = node.putArray("jumpHosts");
            planned.jumpLabels().forEach(jumps::add);
            node.put("keyFile", planned.keyFile() == null ? null : planned.keyFile().toString());
            hosts.add(node);
        }
        root.set("report", report(plan.report()));
        return HostViews.write(root);
    }

    static ArrayNode report(ImportReport report) {
        ArrayNode entries = JSON.createArrayNode();
        for (ImportReport.Entry entry : report.entries()) {
            ObjectNode node = entries.addObject();
            node.put("outcome", entry.outcome().name().toLowerCase(java.util.Locale.ROOT));
            node.put("subject", entry.subject());
            node.put("detail", entry.detail());
        }
        return entries;
    }
}
