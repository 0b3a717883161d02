package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;
import dev.termvault.app.core.imports.ImportRow;
import dev.termvault.app.desktop.imports.ImportChoices;
import dev.termvault.app.desktop.imports.ImportWizardViewModel.Step;
import dev.termvault.app.desktop.imports.ImportWizardViewModel;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.openssh.ImportReason;
import dev.termvault.app.ssh.testing.SshKeygen;
import dev.termvault.app.ssh.testing.SystemTools;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import wizard's view model against a real vault and key files made by ssh-keygen: preview writes nothing,
 * the run writes hosts, jump links, keys and known hosts as the command line does, passphrases can be skipped,
 * and Cancel leaves either nothing or whole records it names.
 */
class ImportWizardViewModelTest {

    private static final String KEY_PASSPHRASE = "key file passphrase";
    private static final TaskExecutor NOW = new CurrentThreadTaskExecutor();

    @TempDir
    static Path shared;
    static Path home;
    static String ed25519Public;

    @TempDir
    Path temp;
    Vault vault;
    final List<String> asked = new ArrayList<>();
    final AtomicInteger refreshed = new AtomicInteger();

    @BeforeAll
    static void writeSshFolder() throws Exception {
        SystemTools.requireOpenSsh();
        home = shared.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.createDirectories(ssh.resolve("conf.d"));
        ed25519Public = SshKeygen.generate(ssh, "id_ed25519", "ed25519", 0, KEY_PASSPHRASE).publicKeyLine();
        SshKeygen.generate(ssh, "id_ecdsa", "ecdsa");
        Files.writeString(ssh.resolve("conf.d/db.conf"), """
                Host db
                    HostName db.example.com
                    Port 2222
                    ProxyCommand nc %h %p
                """);
        Files.writeString(ssh.resolve("config"), """
                Include conf.d/*.conf
                Host bastion
                    HostName bastion.example.com
                    User admin
                    IdentityFile ~/.ssh/id_ed25519
                Host app1 app2
                    HostName %h.internal
                    ProxyJump bastion
                Host *.corp
                    User corp
                Match host special
                    User nobody
                Host *
                    ServerAliveInterval 30
                """);
        String[] key = ed25519Public.split(" ");
        Files.writeString(ssh.resolve("known_hosts"), "bastion.example.com,[db.example.com]:2222 " + key[0] + " "
                + key[1] + "\n@cert-authority *.corp " + key[0] + " " + key[1] + "\n");
    }

    @BeforeEach
    void createVault() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse Battery 9".toCharArray()).vault();
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    private ImportWizardViewModel model(Executor ui, PassphrasePrompt asker) {
        return new ImportWizardViewModel(vault, NOW, ui, home, asker, refreshed::incrementAndGet);
    }

    private ImportWizardViewModel model(String passphrase) {
        return model(Runnable::run, file -> {
            asked.add(file);
            return passphrase == null ? null : passphrase.toCharArray();
        });
    }

    @Test
    void defaults_offerTheFilesInDotSsh() {
        ImportWizardViewModel model = model(KEY_PASSPHRASE);
        ImportChoices choices = model.choices();
        assertThat(choices.useConfigProperty().get()).isTrue();
        assertThat(choices.configPathProperty().get()).isEqualTo("~/.ssh/config");
        assertThat(choices.useKnownHostsProperty().get()).isTrue();
        assertThat(choices.keyFiles()).extracting(k -> k.path().getFileName().toString())
                .containsExactly("id_ecdsa", "id_ed25519");
        assertThat(model.canPreviewProperty().get()).isTrue();

        choices.useConfigProperty().set(false);
        choices.useKnownHostsProperty().set(false);
        choices.keyFiles().forEach(k -> k.selectedProperty().set(false));
        assertThat(model.canPreviewProperty().get()).as("nothing chosen").isFalse();
    }

    @Test
    void missingFile_isAClearError_andNothingMoves() {
        ImportWizardViewModel model = model(KEY_PASSPHRASE);
        model.choices().configPathProperty().set(home.resolve("no-such-config").toString());
        model.preview();
        assertThat(model.errorProperty().get()).contains("There is no ssh_config file").contains("no-such-config");
        assertThat(model.stepProperty().get()).isEqualTo(Step.CHOOSE);
    }

    @Test
    void preview_showsWhatWouldHappen_andWritesNothing() {
        ImportWizardViewModel model = model(KEY_PASSPHRASE);
        model.preview();

        assertThat(model.stepProperty().get()).isEqualTo(Step.PREVIEW);
        Map<String, ImportRow> hosts = byKind(model.rows(), Kind.HOST);
        assertThat(hosts.keySet()).containsExactlyInAnyOrder("db", "bastion", "app1", "app2");
        assertThat(hosts.values()).allMatch(r -> r.action() == Action.ADD && r.reason() == ImportReason.NEW);
        assertThat(hosts.get("app1").message()).contains("app1.internal").contains("via bastion");
        assertThat(hosts.get("bastion").message()).contains("admin@bastion.example.com").contains("id_ed25519");
        assertThat(model.rows()).anyMatch(r -> r.action() == Action.SKIP && r.reason() == ImportReason.UNSUPPORTED
                && r.reference().startsWith("ProxyCommand"));
        assertThat(model.rows()).anyMatch(r -> r.action() == Action.SKIP && r.reason() == ImportReason.NOT_EVALUATED
                && r.reference().startsWith("Match"));
        assertThat(model.rows()).anyMatch(r -> r.action() == Action.NOTE && r.reason() == ImportReason.NOT_A_HOST
                && r.reference().startsWith("Host *.corp"));
        assertThat(model.rows()).filteredOn(r -> r.kind() == Kind.KEY).extracting(ImportRow::reference)
                .anyMatch(s -> s.endsWith("id_ed25519")).anyMatch(s -> s.endsWith("id_ecdsa")).hasSize(2);
        assertThat(byKind(model.rows(), Kind.KEY).values()).extracting(ImportRow::reason)
                .containsExactlyInAnyOrder(ImportReason.NEEDS_PASSPHRASE, ImportReason.NEW);
        assertThat(model.rows()).filteredOn(r -> r.kind() == Kind.KNOWN_HOST && r.action() == Action.ADD)
                .extracting(ImportRow::reference).containsExactly("bastion.example.com", "[db.example.com]:2222");
        assertThat(model.rows()).anyMatch(r -> r.kind() == Kind.KNOWN_HOST && r.action() == Action.SKIP
                && r.message().contains("@cert-authority"));
        assertThat(model.headlineProperty().get()).isEqualTo("8 to import, 0 already in the vault, 3 to skip."
                + " Nothing has been written yet.");
        assertThat(asked).as("no passphrase is asked for a preview").isEmpty();
        assertThat(vault.list()).as("nothing written").isEmpty();
    }

    @Test
    void run_importsHostsWithJumpLinksKeysAndKnownHosts_thenASecondRunKeepsThemAll() throws Exception {
        ImportWizardViewModel model = model(KEY_PASSPHRASE);
        model.preview();
        model.run();

        assertThat(model.stepProperty().get()).isEqualTo(Step.SUMMARY);
        assertThat(asked).containsExactly(home.resolve(".ssh/id_ed25519").toString());
        assertThat(model.hostsAdded()).isEqualTo(4);
        assertThat(model.keysAdded()).isEqualTo(2);
        assertThat(model.knownHostsAdded()).isEqualTo(2);
        assertThat(model.cancelled()).isFalse();
        assertThat(model.headlineProperty().get()).startsWith("Imported 4 host(s), 2 key(s) and 2 known host key(s).");
        assertThat(refreshed).hasValue(1);

        Map<String, VaultRecord> hosts = vault.list(ItemType.HOST).stream()
                .collect(Collectors.toMap(r -> ((Host) r.item()).label(), Function.identity()));
        assertThat(hosts.keySet()).containsExactlyInAnyOrder("db", "bastion", "app1", "app2");
        Host bastion = (Host) hosts.get("bastion").item();
        Host app1 = (Host) hosts.get("app1").item();
        Host db = (Host) hosts.get("db").item();
        assertThat(app1.jumpHosts()).containsExactly(hosts.get("bastion").id());
        assertThat(app1.hostname()).isEqualTo("app1.internal");
        assertThat(db.port()).isEqualTo(2222);
        SshKey key = (SshKey) vault.get(bastion.keyId()).orElseThrow().item();
        assertThat(key.publicKey()).startsWith(ed25519Public.substring(0, ed25519Public.lastIndexOf(' ')));
        assertThat(vault.list(ItemType.SSH_KEY)).extracting(r -> ((SshKey) r.item()).name())
                .containsExactlyInAnyOrder("id_ed25519", "id_ecdsa");
        assertThat(vault.list(ItemType.KNOWN_HOST)).extracting(r -> ((KnownHost) r.item()).hostPattern())
                .containsExactlyInAnyOrder("bastion.example.com", "db.example.com");

        asked.clear();
        ImportWizardViewModel again = model(KEY_PASSPHRASE);
        again.preview();
        assertThat(byKind(again.rows(), Kind.HOST).values()).allMatch(r -> r.action() == Action.KEEP
                && r.reason() == ImportReason.ALREADY_IN_VAULT && r.message().contains("already in the vault"));
        again.run();
        assertThat(again.hostsAdded()).isZero();
        assertThat(again.keysAdded()).isZero();
        assertThat(again.knownHostsAdded()).isZero();
        assertThat(byKind(again.rows(), Kind.HOST).values()).allMatch(r -> r.action() == Action.KEEP);
        assertThat(byKind(again.rows(), Kind.KEY).values()).hasSize(2).allMatch(r -> r.action() == Action.KEEP
                && r.message().startsWith("already in the vault"));
        assertThat(byKind(again.rows(), Kind.KNOWN_HOST).values()).filteredOn(r -> r.action() != Action.SKIP)
                .allMatch(r -> r.action() == Action.KEEP).hasSize(2);
        assertThat(vault.list(ItemType.HOST)).hasSize(4);
        assertThat(vault.list(ItemType.SSH_KEY)).hasSize(2);
        assertThat(vault.list(ItemType.KNOWN_HOST)).hasSize(2);
    }

    @Test
    void skippedPassphrase_importsTheRest_andTheHostWithoutTheKey() {
        ImportWizardViewModel model = model(null);
        model.preview();
        model.run();

        assertThat(asked).as("asked once, not again for the same file in the key list").hasSize(1);
        assertThat(model.hostsAdded()).isEqualTo(4);
        assertThat(model.keysAdded()).as("only the key without a passphrase").isEqualTo(1);
        Host bastion = vault.list(ItemType.HOST).stream().map(r -> (Host) r.item())
                .filter(h -> h.label().equals("bastion")).findFirst().orElseThrow();
        assertThat(bastion.keyId()).isNull();
        assertThat(bastion.auth()).isEqualTo(AuthMethod.AUTO);
        assertThat(model.rows()).anyMatch(r -> r.action() == Action.SKIP && r.reference().contains("id_ed25519")
                && r.reason() == ImportReason.NO_PASSPHRASE && r.message().contains("imported without a key"));
        assertThat(byKind(model.rows(), Kind.HOST).get("bastion").reason()).isEqualTo(ImportReason.WITHOUT_KEY);
    }

    @Test
    void wrongPassphrase_isReported_andTheImportGoesOn() {
        ImportWizardViewModel model = model("not the passphrase");
        model.preview();
        model.run();
        assertThat(model.hostsAdded()).isEqualTo(4);
        assertThat(model.rows()).anyMatch(r -> r.action() == Action.SKIP && r.reference().contains("id_ed25519")
                && r.reason() == ImportReason.KEY_UNREADABLE && r.message().contains("Wrong passphrase"));
    }

    @Test
    void cancelWhileReading_writesNothing() {
        AtomicReference<ImportWizardViewModel> holder = new AtomicReference<>();
        ImportWizardViewModel model = model(Runnable::run, file -> {
            holder.get().cancel();
            return null;
        });
        holder.set(model);
        model.preview();
        model.run();

        assertThat(model.stepProperty().get()).isEqualTo(Step.SUMMARY);
        assertThat(model.cancelled()).isTrue();
        assertThat(model.headlineProperty().get()).contains("Nothing was written");
        assertThat(vault.list()).isEmpty();
        assertThat(refreshed).hasValue(0);
    }

    @Test
    void cancelWhileWriting_leavesOnlyWholeLinkedRecords_andTheSummaryNamesThem() {
        AtomicReference<ImportWizardViewModel> holder = new AtomicReference<>();
        Executor ui = update -> {
            update.run();
            ImportWizardViewModel model = holder.get();
            if (model.progressTextProperty().get().startsWith("Writing 3 of")) {
                model.cancel();
            }
        };
        ImportWizardViewModel model = model(ui, file -> KEY_PASSPHRASE.toCharArray());
        holder.set(model);
        model.preview();
        model.run();

        assertThat(model.cancelled()).isTrue();
        assertThat(model.headlineProperty().get()).contains("cancelled part way");
        List<VaultRecord> all = vault.list();
        assertThat(all).as("the config's key and two hosts, then the cancel").hasSize(3);
        List<String> addedHosts = model.rows().stream().filter(r -> r.kind() == Kind.HOST
                && r.action() == Action.ADD).map(ImportRow::reference).toList();
        assertThat(vault.list(ItemType.HOST)).extracting(r -> ((Host) r.item()).label())
                .containsExactlyInAnyOrderElementsOf(addedHosts).hasSize(2);
        assertThat(model.rows()).filteredOn(r -> r.kind() == Kind.HOST && r.action() == Action.SKIP)
                .allMatch(r -> r.reason() == ImportReason.CANCELLED)
                .extracting(ImportRow::reference).containsExactlyInAnyOrder("app1", "app2");
        assertThat(vault.list(ItemType.SSH_KEY)).as("the loose key file comes after the config's records").hasSize(1);
        for (VaultRecord record : vault.list(ItemType.HOST)) {
            Host host = (Host) record.item();
            host.jumpHosts().forEach(id -> assertThat(vault.get(id)).as("jump link of " + host.label()).isPresent());
            if (host.keyId() != null) {
                assertThat(vault.get(host.keyId())).isPresent();
            }
        }
        assertThat(vault.list(ItemType.KNOWN_HOST)).as("known hosts come last, all or none").isEmpty();
        assertThat(refreshed).hasValue(1);
    }

    private static Map<String, ImportRow> byKind(List<ImportRow> rows, Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind)
                .collect(Collectors.toMap(ImportRow::reference, Function.identity(), (a, b) -> a));
    }
}
