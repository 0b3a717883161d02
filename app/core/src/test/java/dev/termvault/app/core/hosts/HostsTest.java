package dev.termvault.app.core.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host use cases over one real vault on disk. */
class HostsTest {

    @TempDir
    static Path temp;
    static Vault vault;
    Hosts hosts;

    @BeforeAll
    static void createVault() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse Battery 9".toCharArray()).vault();
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    @BeforeEach
    void emptyVault() {
        vault.list().forEach(r -> vault.delete(r.id()));
        hosts = new Hosts(vault);
    }

    private static Host host(VaultRecord record) {
        return (Host) vault.get(record.id()).orElseThrow().item();
    }

    private VaultRecord add(String label, String... jumps) {
        return hosts.add(new HostDraft(label, label + ".example.net", "22", null, null, null, null,
                List.of(jumps), List.of(), List.of(), null, null), null).record();
    }

    @Test
    void delete_aHopInTheMiddle_everyChainKeepsTheRestInOrder_andTheResultNamesTheHostsChanged() {
        VaultRecord a = add("a");
        VaultRecord b = add("b");
        VaultRecord c = add("c");
        VaultRecord target = add("target", "a", "b", "c");
        VaultRecord onlyB = add("only-b", "b");
        VaultRecord direct = add("direct");

        DeletedHost deleted = hosts.delete("b");

        assertThat(vault.get(b.id())).isEmpty();
        assertThat(deleted.label()).isEqualTo("b");
        assertThat(deleted.unlinked()).extracting(RecordRef::name).containsExactlyInAnyOrder("target", "only-b");
        assertThat(host(target).jumpHosts()).as("a -> b -> c is now a -> c").containsExactly(a.id(), c.id());
        assertThat(host(onlyB).jumpHosts()).as("its only hop is gone: it connects directly").isEmpty();
        assertThat(vault.get(direct.id()).orElseThrow().revision()).as("hosts not jumping through b are untouched")
                .isEqualTo(direct.revision());
        assertThat(hosts.show("target").jumpHostLabels()).containsExactly("a", "c");
    }

    @Test
    void add_everyFormRuleBroken_oneMessagePerFieldAndNothingStored() {
        HostDraft draft = new HostDraft(" ", "two words", "70000", null, AuthMethod.KEY, null, null, List.of(),
                List.of("-L 8080:localhost:80", "", "-L 8081:localhost"), List.of("ok", "#"), null, null);

        assertThatThrownBy(() -> hosts.add(draft, null)).isInstanceOfSatisfying(CoreException.Invalid.class, e ->
                assertThat(e.fieldErrors()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "label", "A host needs a label.",
                        "hostname", "A hostname has no spaces.",
                        "port", "Port must be between 1 and 65535.",
                        "auth", "Choose the SSH key this host logs in with.",
                        "forwards", "Forward 3 (-L 8081:localhost): -L takes [bind_address:]port:host:hostport.",
                        "tags", "A tag needs more than '#'.")));
        assertThat(vault.list(ItemType.HOST)).isEmpty();
        assertThat(HostDraft.of("web", "web.example.com").problems(false)).isEmpty();
        for (String port : List.of("0", "65536", "-1", "22a", "")) {
            HostDraft withPort = new HostDraft("web", "w", port, null, null, null, null, null, null, null, null, null);
            assertThat(withPort.problems(false)).as(port).containsOnlyKeys("port");
        }
        HostDraft password = new HostDraft("web", "w", "22", null, AuthMethod.PASSWORD, null, null, null, null, null,
                null, null);
        assertThat(password.problems(false)).containsEntry("auth", "Choose the saved password this host logs in with.");
        assertThat(password.problems(true)).as("a new password is a password to log in with").isEmpty();
    }

    @Test
    void add_referencesThatDoNotResolve_orATakenLabel_messagesOnTheirFields() {
        add("web-01");
        HostDraft draft = new HostDraft("WEB-01", "w", "22", null, AuthMethod.AUTO, "no-such-key", "no-such-login",
                List.of("no-such-host"), null, null, null, null);

        assertThatThrownBy(() -> hosts.add(draft, null)).isInstanceOfSatisfying(CoreException.Invalid.class, e -> {
            assertThat(e.fieldErrors()).containsOnlyKeys("label", "key", "credential", "jumpHosts");
            assertThat(e.fieldErrors().get("label")).isEqualTo("Another host is labelled WEB-01 already.");
            assertThat(e.fieldErrors().get("key")).isEqualTo("No SSH key is called \"no-such-key\".");
            assertThat(e.fieldErrors().get("credential")).isEqualTo("No credential is called \"no-such-login\".");
            assertThat(e.fieldErrors().get("jumpHosts")).isEqualTo("No host is called \"no-such-host\".");
            assertThat(e.getMessage()).startsWith("The host was not saved: ").contains("no-such-key");
        });
        assertThat(vault.list(ItemType.HOST)).hasSize(1);
    }

    @Test
    void edit_jumpChainThroughItselfTwiceOrTooLong_refused() {
        VaultRecord a = add("a");
        add("b");
        HostDraft draft = hosts.draftOf(a);

        assertThat(hosts.problems(withJumps(draft, "a"), a.id(), false))
                .containsEntry("jumpHosts", "A host cannot jump through itself.");
        assertThat(hosts.problems(withJumps(draft, "b", "B"), a.id(), false))
                .containsEntry("jumpHosts", "b is in the jump chain twice.");
        List<String> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(add("hop-" + i).id());
        }
        assertThat(hosts.problems(withJumps(draft, nine.toArray(String[]::new)), a.id(), false))
                .containsEntry("jumpHosts", "A host jumps through at most 8 hosts.");
        assertThat(hosts.problems(withJumps(draft, "b"), a.id(), false)).isEmpty();
    }

    private static HostDraft withJumps(HostDraft d, String... jumps) {
        return new HostDraft(d.label(), d.hostname(), d.port(), d.user(), d.auth(), d.key(), d.credential(),
                List.of(jumps), d.forwards(), d.tags(), d.group(), d.notes());
    }

    @Test
    void edit_everyField_roundTripsAndKeepsWhatTheDraftDoesNotHold() {
        VaultRecord key = vault.add(new SshKey("deploy", "private", "ssh-ed25519 AAAA deploy", "deploy",
                "ssh-ed25519"));
        VaultRecord otherKey = vault.add(new SshKey("ops", "private", "ssh-ed25519 AAAB ops", "ops", "ssh-ed25519"));
        VaultRecord login = vault.add(new Credential("db login", "postgres", "hunter2"));
        VaultRecord bastion = add("bastion");
        VaultRecord inner = add("inner");
        VaultRecord stored = vault.add(new Host("db", "db.internal", 22, null, AuthMethod.AUTO, null, null, List.of(),
                List.of(), List.of(), null, null, 30, Map.of("LANG", "C"), true, List.of("ssh-rsa")));

        HostDraft changed = new HostDraft("db-1", "db1.internal", "5432", "pg", AuthMethod.KEY, "deploy",
                "db login", List.of("bastion", "inner"), List.of("L:15432:localhost:5432", "-D 1080"),
                List.of("#prod", "db", "prod"), "Data stores", "Primary.\nFailover is db-2.");
        SavedHost saved = hosts.edit("db", changed, null);

        Host host = host(stored);
        assertThat(saved.record().id()).isEqualTo(stored.id());
        assertThat(saved.newGroup().name()).isEqualTo("Data stores");
        assertThat(host).isEqualTo(new Host("db-1", "db1.internal", 5432, "pg", AuthMethod.KEY, key.id(), login.id(),
                List.of(bastion.id(), inner.id()), List.of(
                        new PortForward(PortForward.Kind.LOCAL, null, 15432, "localhost", 5432),
                        new PortForward(PortForward.Kind.DYNAMIC, null, 1080, null, 0)),
                List.of("prod", "db"), saved.newGroup().id(), "Primary.\nFailover is db-2.", 30, Map.of("LANG", "C"),
                true, List.of("ssh-rsa")));
        HostDraft read = hosts.draftOf(vault.get(stored.id()).orElseThrow());
        assertThat(read).isEqualTo(new HostDraft("db-1", "db1.internal", "5432", "pg", AuthMethod.KEY, key.id(),
                login.id(), List.of(bastion.id(), inner.id()), List.of("-L 15432:localhost:5432", "-D 1080"),
                List.of("prod", "db"), "Data stores", "Primary.\nFailover is db-2."));

        HostDraft again = new HostDraft(read.label(), read.hostname(), read.port(), read.user(), read.auth(), "ops",
                null, List.of(), List.of(), List.of(), "data STORES", null);
        SavedHost second = hosts.edit(stored.id(), again, null);
        assertThat(second.newGroup()).as("the group is found by name, not made twice").isNull();
        assertThat(vault.list(ItemType.GROUP)).hasSize(1);
        assertThat(host(stored).keyId()).isEqualTo(otherKey.id());
        assertThat(host(stored).credentialId()).isNull();
        assertThat(host(stored).notes()).isNull();
        Host before = host(stored);
        Host after = (Host) hosts.edit(stored.id(), hosts.draftOf(vault.get(stored.id()).orElseThrow()), null)
                .record().item();
        assertThat(after).as("a draft read back saves the same host").isEqualTo(before);
    }

    @Test
    void add_withANewPassword_storesItAsACredentialTheHostLogsInWith() {
        vault.add(new Credential("web password", null, "taken name"));
        HostDraft draft = new HostDraft("web", "web.example.net", "22", "deploy", AuthMethod.PASSWORD, null, null,
                null, null, null, null, null);

        SavedHost saved = hosts.add(draft, "s3cret pass".toCharArray());

        Host host = host(saved.record());
        Credential credential = (Credential) vault.get(host.credentialId()).orElseThrow().item();
        assertThat(credential).extracting(Credential::name, Credential::username, Credential::password)
                .containsExactly("web password 2", "deploy", "s3cret pass");
        assertThat(saved.newCredential().name()).isEqualTo("web password 2");
        assertThat(host.auth()).isEqualTo(AuthMethod.PASSWORD);
        assertThat(hosts.show("web").credentialName()).isEqualTo("web password 2");
        assertThatThrownBy(() -> hosts.edit("web", new HostDraft("web", "web.example.net", "22", null, null, null,
                "web password", null, null, null, null, null), "x".toCharArray()))
                .isInstanceOfSatisfying(CoreException.Invalid.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("credential", "Give a saved credential or a new password, not both."));
    }

    @Test
    void listShowAndFind_describeHostsWithTheRecordsTheyPointAtByName() {
        VaultRecord group = vault.add(new Group("Lab", null));
        add("pi");
        hosts.edit("pi", new HostDraft("pi", "pi.lab", "2222", "ann", null, null, null, null, List.of("D:1080"),
                List.of("arm"), "Lab", null), null);

        HostView pi = hosts.show("PI");

        assertThat(pi.groupId()).isEqualTo(group.id());
        assertThat(pi.groupName()).isEqualTo("Lab");
        assertThat(pi.target()).isEqualTo("ann@pi.lab:2222");
        assertThat(pi.forwardSpecs()).containsExactly("-D 1080");
        assertThat(pi.forwards()).containsExactly(new PortForward(PortForward.Kind.DYNAMIC, null, 1080, null, 0));
        assertThat(hosts.list()).extracting(HostView::label).containsExactly("pi");
        assertThat(hosts.find("arm 2222")).extracting(r -> r.item().displayName()).containsExactly("pi");
        assertThat(hosts.find("Lab")).as("the group record itself is no host").extracting(r -> r.id())
                .doesNotContain(group.id());
        assertThatThrownBy(() -> hosts.show("nope")).isInstanceOf(CoreException.NotFound.class);
    }
}
