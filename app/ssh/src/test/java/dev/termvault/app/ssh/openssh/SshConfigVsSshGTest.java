package dev.termvault.app.ssh.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.PortForward;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every host an import plans, compared field by field with what {@code ssh -G} prints for the same config. */
class SshConfigVsSshGTest {

    @TempDir
    Path dir;

    @Test
    void plan_everyHost_matchesSshG() throws Exception {
        SystemTools.requireTool("ssh");
        Path home = dir.resolve("home");
        Path config = TestConfigs.write(home, dir.resolve("elsewhere"));

        ImportPlan plan = new SshConfigImporter(config, home).plan(false, PassphrasePrompt.NONE);

        assertThat(plan.hosts()).extracting(PlannedHost::label).contains("web", "web-alias", "bastion",
                "admin@jump2.example.net:2200", "db01", "db99", "db-primary", "ssh://ops@bastion:22", "legacy",
                "quoted", "Staging", "staging", "never-matches-here", "abs-host").doesNotContain("not-included");
        SoftAssertions soft = new SoftAssertions();
        for (PlannedHost planned : plan.hosts()) {
            compare(soft, config, home, planned);
        }
        soft.assertAll();
    }

    private void compare(SoftAssertions soft, Path config, Path home, PlannedHost planned) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh", "-G", "-F", config.toString()));
        String name = planned.label();
        if (!planned.resolved().alias().equals(planned.label())) {
            JumpSpec hop = JumpSpec.parse(planned.label());
            if (hop.user() != null) {
                command.addAll(List.of("-l", hop.user()));
            }
            if (hop.port() > 0) {
                command.addAll(List.of("-p", String.valueOf(hop.port())));
            }
            name = hop.host();
        }
        command.add(name);
        SystemTools.Result result = SystemTools.run(command, Map.of("HOME", home.toString()));
        soft.assertThat(result.exitCode()).as("ssh -G %s: %s", name, result.stderr()).isZero();
        Map<String, List<String>> g = parse(result.stdout());
        Host host = planned.host();
        ResolvedHost resolved = planned.resolved();
        String label = planned.label();

        soft.assertThat(host.hostname()).as(label + " hostname").isEqualTo(one(g, "hostname"));
        soft.assertThat(host.port()).as(label + " port").isEqualTo(Integer.parseInt(one(g, "port")));
        String user = host.username() == null ? System.getProperty("user.name") : host.username();
        soft.assertThat(user).as(label + " user").isEqualTo(one(g, "user"));
        if (!resolved.identityFiles().isEmpty()) {
            soft.assertThat(resolved.identityFiles()).as(label + " identityfile").containsExactlyElementsOf(
                    g.get("identityfile").stream().map(f -> Path.of(f.replaceFirst("^~", home.toString()))).toList());
        }
        soft.assertThat(jumps(resolved.proxyJump())).as(label + " proxyjump").isEqualTo(jumps(one(g, "proxyjump")));
        soft.assertThat(host.forwards()).as(label + " forwards").containsExactlyInAnyOrderElementsOf(forwards(g));
        soft.assertThat(host.keepAliveSeconds()).as(label + " serveraliveinterval")
                .isEqualTo(Integer.parseInt(one(g, "serveraliveinterval")));
        soft.assertThat(resolved.identitiesOnly() ? "yes" : "no").as(label + " identitiesonly")
                .isEqualTo(one(g, "identitiesonly"));
        String hostKeyAlgorithms = resolved.algorithms("hostkeyalgorithms");
        if (hostKeyAlgorithms != null) {
            List<String> sshList = Arrays.asList(one(g, "hostkeyalgorithms").split(","));
            List<String> added = Arrays.asList(hostKeyAlgorithms.substring(1).split(","));
            soft.assertThat(sshList).as(label + " hostkeyalgorithms").containsAll(added);
            soft.assertThat(host.legacyAlgorithms()).as(label + " legacy").containsAll(added);
        }
    }

    private static List<String> jumps(String value) throws ForwardSpec.Unsupported {
        if (value == null || value.equals("none")) {
            return List.of();
        }
        List<String> hops = new ArrayList<>();
        for (JumpSpec hop : JumpSpec.parseChain(value)) {
            hops.add(hop.user() + "@" + hop.host() + ":" + hop.port());
        }
        return hops;
    }

    private static List<PortForward> forwards(Map<String, List<String>> g) throws ForwardSpec.Unsupported {
        List<PortForward> forwards = new ArrayList<>();
        for (String value : g.getOrDefault("localforward", List.of())) {
            forwards.add(ForwardSpec.parse(PortForward.Kind.LOCAL, List.of(value.split(" "))));
        }
        for (String value : g.getOrDefault("remoteforward", List.of())) {
            forwards.add(ForwardSpec.parse(PortForward.Kind.REMOTE, List.of(value.split(" "))));
        }
        for (String value : g.getOrDefault("dynamicforward", List.of())) {
            forwards.add(ForwardSpec.parse(PortForward.Kind.DYNAMIC, List.of(value.split(" "))));
        }
        return forwards;
    }

    private static String one(Map<String, List<String>> g, String key) {
        List<String> values = g.get(key);
        return values == null ? null : values.get(0);
    }

    private static Map<String, List<String>> parse(String output) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.computeIfAbsent(line.substring(0, space).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(space + 1));
            }
        }
        return values;
    }
}
