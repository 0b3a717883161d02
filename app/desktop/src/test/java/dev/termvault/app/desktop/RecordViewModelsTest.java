package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.core.hosts.HostField;
import dev.termvault.app.core.knownhosts.KnownHostRow;
import dev.termvault.app.desktop.credentials.CredentialsViewModel;
import dev.termvault.app.desktop.hosts.HostEditorViewModel;
import dev.termvault.app.desktop.hosts.HostFilter;
import dev.termvault.app.desktop.hosts.HostListViewModel;
import dev.termvault.app.desktop.keys.KeyGenerationViewModel;
import dev.termvault.app.desktop.keys.KeyImportViewModel;
import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.desktop.keys.KeysViewModel;
import dev.termvault.app.desktop.knownhosts.KnownHostsViewModel;
import dev.termvault.app.desktop.hosts.RecordChoice;
import dev.termvault.app.desktop.snippets.SnippetsViewModel;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record screens' view models without the JavaFX toolkit, over one real vault on disk: hosts by group and
 * tag, the full host editor, keys (generate, import, rename, delete), credentials, snippets and known hosts.
 * Work that runs in the background in the app runs on the calling thread here.
 */
class RecordViewModelsTest {

    private static final TaskExecutor NOW = new CurrentThreadTaskExecutor();

    @TempDir
    static Path temp;
    static Vault vault;

    @BeforeAll
    static void createVault() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse Battery 9".toCharArray()).vault();
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    private static void clear(ItemType... types) {
        for (ItemType type : types) {
            vault.list(type).forEach(r -> vault.delete(r.id()));
        }
    }

    private static String fingerprintBySshKeygen(String publicLine) throws Exception {
        Path file = Files.createTempFile(temp, "key", ".pub");
        Files.writeString(file, publicLine + "\n");
        String line = SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()).strip();
        return line.split(" ")[1];
    }

    @Test
    void hostList_groupsAndTags_narrowWithCountsAndSearchStillCoversEveryField() {
        clear(ItemType.HOST, ItemType.GROUP);
        String prod = vault.add(new Group("Production", null)).id();
        String lab = vault.add(new Group("Lab", null)).id();
        vault.add(host("web-1", "web1.example.com", prod, List.of("web", "eu")));
        vault.add(host("web-2", "web2.example.com", prod, List.of("web")));
        vault.add(host("pi", "pi.lab", lab, List.of("arm")));
        vault.add(host("laptop", "laptop.home", null, List.of()));
        HostListViewModel list = new HostListViewModel(vault);

        assertThat(labels(list)).as("grouped by group name, hosts in no group last")
                .containsExactly("pi", "web-1", "web-2", "laptop");
        assertThat(list.filters()).extracting(HostFilter::toString).containsExactly(
                "All hosts  (4)", "Lab  (1)", "Production  (2)", "No group  (1)", "#arm  (1)", "#eu  (1)",
                "#web  (2)");

        list.filterProperty().set(list.filters().get(2));
        assertThat(labels(list)).containsExactly("web-1", "web-2");
        list.queryProperty().set("web2");
        assertThat(labels(list)).as("search still narrows within the group").containsExactly("web-2");
        assertThat(list.filterProperty().get().name()).isEqualTo("Production");
        assertThat(list.filters()).extracting(HostFilter::toString).contains("Production  (1)", "Lab  (0)");

        list.queryProperty().set("");
        list.filterProperty().set(list.filters().stream().filter(f -> f.name().equals("web")).findFirst()
                .orElseThrow());
        assertThat(labels(list)).containsExactly("web-1", "web-2");
        list.filterProperty().set(list.filters().stream().filter(f -> f.kind() == HostFilter.Kind.UNGROUPED)
                .findFirst().orElseThrow());
        assertThat(labels(list)).containsExactly("laptop");

        vault.delete(lab);
        list.refresh();
        assertThat(labels(list)).as("a host whose group is gone counts as in no group")
                .containsExactly("laptop", "pi");
    }

    private static Host host(String label, String hostname, String groupId, List<String> tags) {
        return new Host(label, hostname, 22, null, AuthMethod.AUTO, null, null, List.of(), List.of(), tags,
                groupId, null, 0, null, false, List.of());
    }

    private static List<String> labels(HostListViewModel list) {
        return list.hosts().stream().map(r -> ((Host) r.item()).label()).toList();
    }

    @Test
    void hostEditor_everyField_savedAndReadBack_withANewGroupMadeOnSave() {
        clear(ItemType.HOST, ItemType.GROUP, ItemType.SSH_KEY, ItemType.CREDENTIAL);
        VaultRecord key = vault.add(new SshKey("deploy", "private", "ssh-ed25519 AAAA deploy", "deploy",
                "ssh-ed25519"));
        VaultRecord bastion = vault.add(Host.of("bastion", "bastion.example.com", 22, "jump"));
        VaultRecord inner = vault.add(Host.of("inner", "10.1.0.2", 22, null));
        HostEditorViewModel editor = new HostEditorViewModel(vault);
        editor.startNew();
        assertThat(editor.keyChoices()).extracting(RecordChoice::name).containsExactly("deploy");
        assertThat(editor.jumpChoices()).extracting(RecordChoice::name).containsExactly("bastion", "inner");

        editor.labelProperty().set("db");
        editor.hostnameProperty().set("db.internal");
        editor.usernameProperty().set("postgres");
        editor.authProperty().set(AuthMethod.KEY);
        assertThat(editor.errorProperty(HostField.AUTH).get()).contains("SSH key");
        assertThat(editor.validProperty().get()).as("KEY without a key").isFalse();
        editor.keyProperty().set(editor.keyChoices().get(0));
        editor.addJumpHost(editor.jumpChoices().get(0));
        editor.addJumpHost(editor.jumpChoices().get(1));
        editor.addJumpHost(editor.jumpChoices().get(0));
        editor.forwardsProperty().set("-L 15432:localhost:5432\n-D 1080");
        editor.tagsProperty().set("#prod, db  postgres,db");
        editor.groupProperty().set("Data stores");
        editor.notesProperty().set("Primary.\nFailover is db-2.");
        assertThat(editor.validProperty().get()).isTrue();

        VaultRecord saved = editor.save().orElseThrow();

        Host host = (Host) vault.get(saved.id()).orElseThrow().item();
        assertThat(host.auth()).isEqualTo(AuthMethod.KEY);
        assertThat(host.keyId()).isEqualTo(key.id());
        assertThat(host.jumpHosts()).containsExactly(bastion.id(), inner.id());
        assertThat(host.forwards()).containsExactly(
                new PortForward(PortForward.Kind.LOCAL, null, 15432, "localhost", 5432),
                new PortForward(PortForward.Kind.DYNAMIC, null, 1080, null, 0));
        assertThat(host.tags()).containsExactly("prod", "db", "postgres");
        assertThat(((Group) vault.get(host.groupId()).orElseThrow().item()).name()).isEqualTo("Data stores");
        assertThat(host.notes()).isEqualTo("Primary.\nFailover is db-2.");

        HostEditorViewModel again = new HostEditorViewModel(vault);
        again.edit(vault.get(saved.id()).orElseThrow());
        assertThat(again.keyProperty().get().name()).isEqualTo("deploy");
        assertThat(again.jumpHosts()).extracting(RecordChoice::name).containsExactly("bastion", "inner");
        assertThat(again.forwardsProperty().get()).isEqualTo("-L 15432:localhost:5432\n-D 1080");
        assertThat(again.groupProperty().get()).isEqualTo("Data stores");
        assertThat(again.jumpChoices()).extracting(RecordChoice::name).doesNotContain("db");
        again.groupProperty().set("data STORES");
        again.save().orElseThrow();
        assertThat(vault.list(ItemType.GROUP)).as("the group is found by name, not made twice").hasSize(1);
    }

    @Test
    void hostEditor_wrongForwardOrMissingCredential_marksTheFieldAndRefusesToSave() {
        clear(ItemType.HOST, ItemType.CREDENTIAL);
        HostEditorViewModel editor = new HostEditorViewModel(vault);
        editor.startNew();
        editor.labelProperty().set("box");
        editor.hostnameProperty().set("box.example.com");
        editor.forwardsProperty().set("-L 8080:localhost:80\n-L 8081:localhost");
        assertThat(editor.errorProperty(HostField.FORWARDS).get()).startsWith("Forward 2 (-L 8081:localhost):");
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.save()).isEmpty();
        editor.forwardsProperty().set("-L 8080:localhost:80");
        editor.authProperty().set(AuthMethod.PASSWORD);
        assertThat(editor.errorProperty(HostField.AUTH).get()).contains("saved password");
        assertThat(editor.save()).isEmpty();
        assertThat(vault.list(ItemType.HOST)).as("nothing stored while invalid").isEmpty();

        vault.add(new Credential("box login", "root", "hunter2"));
        editor.loadChoices();
        editor.credentialProperty().set(editor.credentialChoices().get(0));
        assertThat(editor.credentialChoices().get(0).name()).isEqualTo("box login (root)");
        assertThat(editor.save()).isPresent();
    }

    @Test
    void hostEditor_delete_removesTheHostAndTheHopFromHostsJumpingThroughIt() {
        clear(ItemType.HOST);
        VaultRecord bastion = vault.add(Host.of("bastion", "bastion.example.com", 22, null));
        Host behind = new Host("behind", "10.0.0.9", 22, null, AuthMethod.AUTO, null, null,
                List.of(bastion.id()), List.of(), List.of(), null, null, 0, null, false, List.of());
        VaultRecord behindRecord = vault.add(behind);
        HostEditorViewModel editor = new HostEditorViewModel(vault);
        editor.edit(bastion);
        assertThat(editor.hostsJumpingThrough()).containsExactly("behind");

        assertThat(editor.delete()).isTrue();

        assertThat(vault.get(bastion.id())).isEmpty();
        assertThat(((Host) vault.get(behindRecord.id()).orElseThrow().item()).jumpHosts()).isEmpty();
        assertThat(editor.editingProperty().get()).isNull();
        assertThat(editor.statusProperty().get()).isEqualTo("Deleted bastion. Now without that hop: behind.");
    }

    @Test
    void keys_generateEd25519AndEcdsa_listedWithTheFingerprintSshKeygenComputes() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        clear(ItemType.SSH_KEY);
        List<String> copied = new ArrayList<>();
        KeysViewModel keys = new KeysViewModel(vault, copied::add);
        KeyGenerationViewModel generation = new KeyGenerationViewModel(vault, NOW);
        generation.reset("ann@laptop");
        assertThat(generation.algorithmProperty().get()).isEqualTo(KeyAlgorithm.ED25519);
        assertThat(generation.canGenerateProperty().get()).as("no name yet").isFalse();
        generation.nameProperty().set("laptop");
        AtomicReference<KeyRow> stored = new AtomicReference<>();

        generation.generate(stored::set);

        assertThat(generation.busyProperty().get()).isFalse();
        assertThat(generation.errorProperty().get()).isEmpty();
        keys.refresh();
        KeyRow row = keys.keys().get(0);
        assertThat(row.id()).isEqualTo(stored.get().id());
        assertThat(row.typeLabel()).isEqualTo("ED25519");
        assertThat(row.bits()).isEqualTo(256);
        assertThat(row.comment()).isEqualTo("ann@laptop");
        assertThat(row.publicKey()).startsWith("ssh-ed25519 AAAA").endsWith(" ann@laptop");
        assertThat(row.fingerprint()).isEqualTo(fingerprintBySshKeygen(row.publicKey()));
        assertThat(((SshKey) vault.get(stored.get().id()).orElseThrow().item()).privateKey())
                .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");

        generation.algorithmProperty().set(KeyAlgorithm.RSA);
        assertThat(generation.sizes()).containsExactly(3072, 4096);
        assertThat(generation.bitsProperty().get()).isEqualTo(3072);
        assertThat(generation.slowProperty().get()).isTrue();
        generation.algorithmProperty().set(KeyAlgorithm.ECDSA);
        generation.bitsProperty().set(384);
        generation.nameProperty().set("ci");
        generation.generate(stored::set);
        keys.refresh();
        KeyRow ecdsa = keys.keys().stream().filter(r -> r.name().equals("ci")).findFirst().orElseThrow();
        assertThat(ecdsa.keyType()).isEqualTo("ecdsa-sha2-nistp384");
        assertThat(ecdsa.bits()).isEqualTo(384);
        assertThat(ecdsa.fingerprint()).isEqualTo(fingerprintBySshKeygen(ecdsa.publicKey()));

        keys.queryProperty().set("ecdsa");
        assertThat(keys.keys()).extracting(KeyRow::name).containsExactly("ci");
        keys.queryProperty().set("");
        assertThat(keys.copyPublicKey(row)).isTrue();
        assertThat(copied).containsExactly(row.publicKey());
    }

    @Test
    void keys_importEncryptedFile_asksForThePassphrase_refusesAWrongOne_andReadsWhatSshKeygenWrote()
            throws Exception {
        SystemTools.requireTool("ssh-keygen");
        clear(ItemType.SSH_KEY);
        Path file = temp.resolve("id_ed25519_import");
        SystemTools.runOk("ssh-keygen", "-q", "-t", "ed25519", "-a", "4", "-N", "open sesame", "-C", "bob@desk",
                "-f", file.toString());
        String expected = SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file + ".pub").split(" ")[1];
        KeyImportViewModel importing = new KeyImportViewModel(vault, NOW);
        AtomicReference<KeyRow> stored = new AtomicReference<>();
        importing.fileProperty().set(file.toString());
        assertThat(importing.nameProperty().get()).isEqualTo("id_ed25519_import");

        importing.importKey(stored::set);
        assertThat(importing.needsPassphraseProperty().get()).isTrue();
        assertThat(importing.errorProperty().get()).contains("passphrase");
        assertThat(importing.canImportProperty().get()).as("no passphrase typed yet").isFalse();

        importing.passphraseProperty().set("open sesame?");
        importing.importKey(stored::set);
        assertThat(importing.errorProperty().get()).startsWith("Wrong passphrase");
        assertThat(importing.passphraseProperty().get()).as("the typed passphrase is cleared").isEmpty();
        assertThat(stored.get()).isNull();
        assertThat(vault.list(ItemType.SSH_KEY)).isEmpty();

        importing.passphraseProperty().set("open sesame");
        importing.importKey(stored::set);
        assertThat(importing.errorProperty().get()).isEmpty();
        KeyRow row = stored.get();
        assertThat(row.fingerprint()).isEqualTo(expected);
        assertThat(row.comment()).isEqualTo("bob@desk");

        Path notAKey = temp.resolve("notes.txt");
        Files.writeString(notAKey, "just some notes\n");
        importing.fileProperty().set(notAKey.toString());
        importing.importKey(stored::set);
        assertThat(importing.errorProperty().get()).contains("is not a private key file");
        importing.fileProperty().set(temp.resolve("missing").toString());
        importing.importKey(stored::set);
        assertThat(importing.errorProperty().get()).startsWith("There is no file");
        assertThat(vault.list(ItemType.SSH_KEY)).hasSize(1);
    }

    @Test
    void keys_renameAndDelete_warnAboutHostsUsingTheKey() {
        clear(ItemType.SSH_KEY, ItemType.HOST);
        VaultRecord key = vault.add(new SshKey("old name", "private", "ssh-ed25519 AAAA x", "x", "ssh-ed25519"));
        Host uses = new Host("uses-key", "h.example.com", 22, null, AuthMethod.KEY, key.id(), null, List.of(),
                List.of(), List.of(), null, null, 0, null, false, List.of());
        vault.add(uses);
        KeysViewModel keys = new KeysViewModel(vault, s -> { });
        KeyRow row = keys.keys().get(0);
        assertThat(row.fingerprint()).as("an unreadable public key is shown, not fatal").contains("unreadable");

        assertThat(keys.rename(row, "  ")).contains("A key needs a name.");
        assertThat(keys.rename(row, "new name")).isEmpty();
        assertThat(((SshKey) vault.get(key.id()).orElseThrow().item()).name()).isEqualTo("new name");
        assertThat(((SshKey) vault.get(key.id()).orElseThrow().item()).privateKey()).isEqualTo("private");
        assertThat(keys.hostsUsing(keys.keys().get(0))).containsExactly("uses-key");

        assertThat(keys.delete(keys.keys().get(0))).isTrue();
        assertThat(keys.keys()).isEmpty();
        assertThat(vault.get(key.id())).isEmpty();
        assertThat(((Host) vault.list(ItemType.HOST).get(0).item()).keyId())
                .as("the host that used it is unlinked, not left pointing at nothing").isNull();
    }

    @Test
    void credentials_saveCopyAndDelete_searchNeverLooksAtPasswords() {
        clear(ItemType.CREDENTIAL, ItemType.HOST);
        List<String> copied = new ArrayList<>();
        CredentialsViewModel model = new CredentialsViewModel(vault, copied::add);
        model.startNew();
        assertThat(model.validProperty().get()).isFalse();
        model.nameProperty().set("router");
        model.usernameProperty().set("admin");
        model.passwordProperty().set("s3cret-Zebra");
        assertThat(model.revealProperty().get()).as("hidden by default").isFalse();
        VaultRecord saved = model.save().orElseThrow();
        assertThat((Credential) vault.get(saved.id()).orElseThrow().item())
                .isEqualTo(new Credential("router", "admin", "s3cret-Zebra"));

        model.queryProperty().set("admin");
        assertThat(model.credentials()).hasSize(1);
        model.queryProperty().set("zebra");
        assertThat(model.credentials()).as("the password is not searched").isEmpty();
        model.queryProperty().set("");

        assertThat(model.copyPassword(model.credentials().get(0))).isTrue();
        assertThat(copied).containsExactly("s3cret-Zebra");
        assertThat(model.statusProperty().get()).doesNotContain("s3cret");

        vault.add(new Host("r", "192.168.1.1", 22, null, AuthMethod.PASSWORD, null, saved.id(), List.of(),
                List.of(), List.of(), null, null, 0, null, false, List.of()));
        assertThat(model.hostsUsing(saved)).containsExactly("r");
        model.edit(model.credentials().get(0));
        assertThat(model.delete()).isTrue();
        assertThat(vault.list(ItemType.CREDENTIAL)).isEmpty();
        assertThat(model.editingProperty().get()).isNull();
    }

    @Test
    void snippets_multiLineCommandWithTags_searchCopyAndDelete() {
        clear(ItemType.SNIPPET);
        List<String> copied = new ArrayList<>();
        SnippetsViewModel model = new SnippetsViewModel(vault, copied::add);
        model.startNew();
        model.nameProperty().set("tail logs");
        assertThat(model.commandErrorProperty().get()).isNotEmpty();
        assertThat(model.save()).isEmpty();
        model.commandProperty().set("cd /var/log\ntail -f syslog\n");
        model.tagsProperty().set("logs, #debug");
        VaultRecord saved = model.save().orElseThrow();
        model.startNew();
        model.nameProperty().set("disk");
        model.commandProperty().set("df -h");
        model.save().orElseThrow();

        assertThat(model.snippets()).hasSize(2);
        model.queryProperty().set("syslog");
        assertThat(model.snippets()).extracting(VaultRecord::id).containsExactly(saved.id());
        model.queryProperty().set("debug");
        assertThat(model.snippets()).extracting(VaultRecord::id).containsExactly(saved.id());

        model.edit(model.snippets().get(0));
        assertThat(model.tagsProperty().get()).isEqualTo("logs, debug");
        assertThat(model.copyCommand(null)).isTrue();
        assertThat(copied).containsExactly("cd /var/log\ntail -f syslog");
        assertThat(model.delete()).isTrue();
        model.queryProperty().set("");
        assertThat(model.snippets()).hasSize(1);
    }

    @Test
    void knownHosts_listedWithFingerprints_hashedEntriesShownAsSuch_searchAndDelete() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        clear(ItemType.KNOWN_HOST);
        Path keyFile = temp.resolve("hostkey");
        SystemTools.runOk("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keyFile.toString());
        String[] pub = Files.readString(Path.of(keyFile + ".pub")).strip().split(" ");
        Instant added = Instant.parse("2026-03-04T05:06:00Z");
        vault.add(new KnownHost("git.example.com", 22, pub[0], pub[1], added, false));
        vault.add(new KnownHost("|1|c2FsdHNhbHRzYWx0c2FsdA==|aGFzaGhhc2hoYXNoaGFzaA==", 22, pub[0], pub[1], null,
                false));
        vault.add(new KnownHost("old.example.com", 2222, "ssh-rsa", "AAAAnot-a-key", added, true));
        KnownHostsViewModel model = new KnownHostsViewModel(vault);

        assertThat(model.rows()).hasSize(3);
        KnownHostRow git = model.rows().stream().filter(r -> r.host().equals("git.example.com")).findFirst()
                .orElseThrow();
        assertThat(git.fingerprint()).isEqualTo(fingerprintBySshKeygen(pub[0] + " " + pub[1]));
        assertThat(git.addedText(ZoneOffset.UTC)).isEqualTo("2026-03-04");
        KnownHostRow hashed = model.rows().stream().filter(KnownHostRow::hashed).findFirst().orElseThrow();
        assertThat(hashed.host()).isEqualTo("hashed name");
        assertThat(hashed.typeLabel()).isEqualTo("ED25519");
        assertThat(hashed.addedText(ZoneOffset.UTC)).isEqualTo("unknown");
        KnownHostRow old = model.rows().stream().filter(KnownHostRow::revoked).findFirst().orElseThrow();
        assertThat(old.hostAndPort()).isEqualTo("[old.example.com]:2222");
        assertThat(old.fingerprint()).contains("unreadable");

        model.queryProperty().set("revoked");
        assertThat(model.rows()).containsExactly(old);
        model.queryProperty().set(git.fingerprint().substring(7, 20));
        assertThat(model.rows()).hasSize(2);
        model.queryProperty().set("");

        assertThat(model.delete(git)).isTrue();
        assertThat(model.rows()).hasSize(2);
        assertThat(model.statusProperty().get()).contains("asks again");
    }
}
