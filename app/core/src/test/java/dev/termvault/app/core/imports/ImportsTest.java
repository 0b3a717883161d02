package dev.termvault.app.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.imports.ImportOutcome.Status;
import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import use case against a real vault and files made by ssh-keygen: the plan says what would happen and writes
 * nothing, apply writes linked records and says what it did, a cancel or a failure part way leaves only whole
 * records, and importing again keeps what is there.
 */
class ImportsTest {

    private static final String PASSPHRASE = "key file passphrase";

    @TempDir
    static Path shared;
    static Path home;
    static Path config;
    static Path knownHosts;
    static String hostKey;

    @TempDir
    Path temp;
    Vault vault;
    final List<String> asked = new ArrayList<>();

    @BeforeAll
    static void writeFiles() throws Exception {
        SystemTools.requireOpenSsh();
        home = shared.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        SshKeygen.generate(ssh, "id_pass", "ed25519", 0, PASSPHRASE);
        SshKeygen.generate(ssh, "id_plain", "ecdsa");
        config = ssh.resolve("config");
        Files.writeString(config, """
                Host bastion
                    HostName bastion.example.com
                    User admin
                    IdentityFile ~/.ssh/id_plain
                Host web
                    HostName web.example.com
                    IdentityFile ~/.ssh/id_pass
                    ProxyJump bastion
                    LocalForward 8080 localhost:80
                Host db
                    HostName db.example.com
                    IdentityFile ~/.ssh/id_not_there
                    ProxyJump bastion
                Host legacy
                    HostName legacy.example.com
                    ProxyCommand nc %h %p
                Match host special
                    User nobody
                Host *
                    ServerAliveInterval 30
                """);
        hostKey = Files.readString(ssh.resolve("id_plain.pub")).split(" ")[1];
        knownHosts = writeKnownHosts(ssh, hostKey);
    }

    /** A known_hosts with a plain line, the same line again, a hashed line (hashed by ssh-keygen) and a CA line. */
    private static Path writeKnownHosts(Path dir, String key) throws Exception {
        Path hashed = dir.resolve("hashed_hosts");
        Files.writeString(hashed, "secret.example.com ecdsa-sha2-nistp256 " + key + "\n");
        Process hash = new ProcessBuilder("ssh-keygen", "-q", "-H", "-f", hashed.toString())
                .redirectErrorStream(true).start();
        hash.getInputStream().readAllBytes();
        assertThat(hash.waitFor()).isZero();
        String line = "a.example.com,[b.example.com]:2200 ecdsa-sha2-nistp256 " + key + "\n";
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, line + line + Files.readString(hashed)
                + "@cert-authority *.example.com ecdsa-sha2-nistp256 " + key + "\n");
        return file;
    }

    @BeforeEach
    void createVault() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse Battery 9".toCharArray()).vault();
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    private Imports imports(String passphrase) {
        return new Imports(vault, resource -> {
            asked.add(resource);
            return passphrase == null ? null : passphrase.toCharArray();
        });
    }

    private ImportSources everything() {
        return new ImportSources(config, knownHosts, List.of(home.resolve(".ssh/id_plain")), home);
    }

    private static Map<String, ImportRow> rows(List<ImportRow> rows, Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind)
                .collect(Collectors.toMap(ImportRow::reference, Function.identity(), (a, b) -> a));
    }

    private static ImportRow row(List<ImportRow> rows, Kind kind, String referenceEnd) {
        return rows.stream().filter(r -> r.kind() == kind && r.reference().endsWith(referenceEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " row for " + referenceEnd + " in " + rows));
    }

    private Map<String, VaultRecord> hostsByLabel() {
        return vault.list(ItemType.HOST).stream()
                .collect(Collectors.toMap(r -> ((Host) r.item()).label(), Function.identity()));
    }

    @Test
    void plan_configWithHostsMissingKeyPassphraseKeyAndMatch_rowsSayWhatWouldHappen() {
        PlannedImport plan = new Imports(vault, resource -> {
            throw new AssertionError("a plan asks no passphrase");
        }).plan(ImportSources.sshConfig(config, home));

        Map<String, ImportRow> hosts = rows(plan.rows(), Kind.HOST);
        assertThat(hosts.keySet()).containsExactlyInAnyOrder("bastion", "web", "db", "legacy");
        assertThat(hosts.get("web").action()).isEqualTo(Action.ADD);
        assertThat(hosts.get("web").reason()).isEqualTo(ImportReason.NEW);
        assertThat(hosts.get("web").message()).isEqualTo("web.example.com:22 via bastion, key id_pass, 1 forward(s)");
        assertThat(hosts.get("bastion").message()).isEqualTo("admin@bastion.example.com:22, key id_plain");
        assertThat(hosts.get("db").reason()).as("its key file is missing").isEqualTo(ImportReason.WITHOUT_KEY);
        assertThat(row(plan.rows(), Kind.KEY, "id_pass").reason()).isEqualTo(ImportReason.NEEDS_PASSPHRASE);
        assertThat(row(plan.rows(), Kind.KEY, "id_plain").reason()).isEqualTo(ImportReason.NEW);
        ImportRow missing = row(plan.rows(), Kind.KEY, "id_not_there");
        assertThat(missing.action()).isEqualTo(Action.SKIP);
        assertThat(missing.reason()).isEqualTo(ImportReason.FILE_MISSING);
        assertThat(plan.rows()).filteredOn(r -> r.reference().startsWith("Match host special"))
                .extracting(ImportRow::kind, ImportRow::action, ImportRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.CONFIG, Action.SKIP, ImportReason.NOT_EVALUATED));
        assertThat(plan.rows()).anyMatch(r -> r.reference().startsWith("ProxyCommand")
                && r.action() == Action.SKIP && r.reason() == ImportReason.UNSUPPORTED);
        assertThat(plan.rows()).anyMatch(r -> r.reference().startsWith("Host *") && r.action() == Action.NOTE
                && r.reason() == ImportReason.NOT_A_HOST);
        assertThat(plan.rows()).extracting(ImportRow::action).isSorted();
        assertThat(plan.counts().count(Kind.HOST, Action.ADD)).isEqualTo(4);
        assertThat(plan.counts().count(Kind.KEY, Action.ADD)).isEqualTo(2);
        assertThat(plan.summary()).isEqualTo("6 to import, 0 already in the vault, 3 to skip.");
        assertThat(vault.list()).as("a plan writes nothing").isEmpty();
    }

    @Test
    void plan_knownHostsWithHashedEntriesAndDuplicates_eachNameOnceAndTheRestSkipped() {
        vault.add(new KnownHost("a.example.com", 22, "ecdsa-sha2-nistp256", hostKey, java.time.Instant.EPOCH,
                false));

        PlannedImport plan = imports(null).plan(ImportSources.knownHosts(knownHosts, home));

        List<ImportRow> known = plan.rows().stream().filter(r -> r.kind() == Kind.KNOWN_HOST).toList();
        assertThat(known).filteredOn(r -> r.reference().equals("a.example.com"))
                .extracting(ImportRow::action, ImportRow::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Action.KEEP, ImportReason.ALREADY_IN_VAULT),
                        org.assertj.core.groups.Tuple.tuple(Action.SKIP, ImportReason.DUPLICATE));
        assertThat(known).filteredOn(r -> r.reference().equals("[b.example.com]:2200"))
                .extracting(ImportRow::action).containsExactly(Action.ADD, Action.SKIP);
        ImportRow hashed = known.stream().filter(r -> r.reference().startsWith("|1|")).findFirst().orElseThrow();
        assertThat(hashed.action()).isEqualTo(Action.ADD);
        assertThat(hashed.message()).contains("hashed");
        assertThat(known).anyMatch(r -> r.action() == Action.SKIP && r.reason() == ImportReason.UNSUPPORTED
                && r.message().contains("@cert-authority"));
        assertThat(plan.counts().count(Kind.KNOWN_HOST, Action.ADD)).isEqualTo(2);

        ImportOutcome outcome = imports(null).apply(plan, ImportProgress.NONE, () -> false);
        assertThat(outcome.added(Kind.KNOWN_HOST)).isEqualTo(2);
        assertThat(vault.list(ItemType.KNOWN_HOST)).extracting(r -> ((KnownHost) r.item()).displayName())
                .containsExactlyInAnyOrder("a.example.com", "[b.example.com]:2200", hashed.reference());
        assertThat(outcome.summary()).isEqualTo("Imported 2 known host key(s). Kept 1 already in the vault."
                + " Skipped 3.");
    }

    @Test
    void plan_missingFile_isNotFound() {
        assertThatThrownBy(() -> imports(null).plan(ImportSources.sshConfig(home.resolve("nope"), home)))
                .isInstanceOf(CoreException.NotFound.class).hasMessage("There is no ssh_config file "
                        + home.resolve("nope") + ".");
    }

    @Test
    void apply_writesLinkedRecords_andTheOutcomeSaysWhatEachBecame() {
        Imports imports = imports(PASSPHRASE);
        List<String> progress = new ArrayList<>();

        ImportOutcome outcome = imports.apply(imports.plan(everything()),
                (stage, done, total, item) -> progress.add(stage + " " + done + "/" + total), () -> false);

        assertThat(outcome.status()).isEqualTo(Status.COMPLETE);
        assertThat(asked).containsExactly(home.resolve(".ssh/id_pass").toString());
        assertThat(outcome.added(Kind.HOST)).isEqualTo(4);
        assertThat(outcome.added(Kind.KEY)).isEqualTo(2);
        assertThat(outcome.added(Kind.KNOWN_HOST)).isEqualTo(3);
        assertThat(outcome.summary()).isEqualTo("Imported 4 host(s), 2 key(s) and 3 known host key(s)."
                + " Kept 0 already in the vault. Skipped 6.");
        assertThat(row(outcome.rows(), Kind.KEY, "id_pass").message()).isEqualTo("ssh-ed25519 key added as 'id_pass'");
        assertThat(progress).contains("READING 0/2", "READING 2/2", "WRITING 1/9", "WRITING 9/9");

        Map<String, VaultRecord> hosts = hostsByLabel();
        Host web = (Host) hosts.get("web").item();
        Host db = (Host) hosts.get("db").item();
        assertThat(web.jumpHosts()).containsExactly(hosts.get("bastion").id());
        assertThat(((SshKey) vault.get(web.keyId()).orElseThrow().item()).name()).isEqualTo("id_pass");
        assertThat(web.keepAliveSeconds()).isEqualTo(30);
        assertThat(db.keyId()).isNull();
        assertThat(db.auth()).isEqualTo(AuthMethod.AUTO);
        assertThat(vault.list(ItemType.SSH_KEY)).as("id_plain named by the config and chosen: once").hasSize(2);
    }

    @Test
    void apply_noPassphraseGiven_keySkippedAndItsHostWrittenWithoutIt() {
        Imports imports = imports(null);

        ImportOutcome outcome = imports.apply(imports.plan(ImportSources.sshConfig(config, home)),
                ImportProgress.NONE, () -> false);

        ImportRow key = row(outcome.rows(), Kind.KEY, "id_pass");
        assertThat(key.action()).isEqualTo(Action.SKIP);
        assertThat(key.reason()).isEqualTo(ImportReason.NO_PASSPHRASE);
        assertThat(key.message()).contains("imported without a key");
        assertThat(rows(outcome.rows(), Kind.HOST).get("web").reason()).isEqualTo(ImportReason.WITHOUT_KEY);
        Host web = (Host) hostsByLabel().get("web").item();
        assertThat(web.keyId()).isNull();
        assertThat(web.auth()).isEqualTo(AuthMethod.AUTO);
    }

    @Test
    void apply_again_keepsWhatIsThere_andAnotherKeyWithATakenNameGetsANumber() throws Exception {
        Imports imports = imports(PASSPHRASE);
        imports.apply(imports.plan(ImportSources.sshConfig(config, home)), ImportProgress.NONE, () -> false);
        VaultRecord bastion = hostsByLabel().get("bastion");
        Host edited = (Host) bastion.item();
        vault.update(bastion.id(), new Host(edited.label(), "moved.example.com", 2222, edited.username(), edited.auth(),
                edited.keyId(), null, List.of(), List.of(), List.of(), null, "edited by hand", 0, Map.of(), false,
                List.of()));
        Path other = Files.createDirectories(temp.resolve("other"));
        SshKeygen.generate(other, "id_plain", "ed25519");
        int before = vault.list().size();
        asked.clear();

        PlannedImport again = imports.plan(new ImportSources(config, null, List.of(other.resolve("id_plain")), home));
        assertThat(rows(again.rows(), Kind.HOST).values()).extracting(ImportRow::action).containsOnly(Action.KEEP);
        assertThat(row(again.rows(), Kind.KEY, ".ssh/id_pass").action()).as("by its .pub file").isEqualTo(Action.KEEP);
        ImportOutcome outcome = imports.apply(again, ImportProgress.NONE, () -> false);

        assertThat(asked).as("a key already there is not read again").isEmpty();
        assertThat(outcome.rows()).filteredOn(r -> r.kind() == Kind.HOST).extracting(ImportRow::action)
                .containsOnly(Action.KEEP);
        ImportRow renamed = row(outcome.rows(), Kind.KEY, "other/id_plain");
        assertThat(renamed.reason()).isEqualTo(ImportReason.NAME_TAKEN);
        assertThat(renamed.message()).contains("'id_plain-2'");
        assertThat(vault.list()).hasSize(before + 1);
        Host kept = (Host) vault.get(bastion.id()).orElseThrow().item();
        assertThat(kept.hostname()).isEqualTo("moved.example.com");
        assertThat(kept.notes()).isEqualTo("edited by hand");
    }

    @Test
    void apply_cancelWhileReading_writesNothing() {
        AtomicBoolean cancel = new AtomicBoolean();
        Imports imports = new Imports(vault, resource -> {
            cancel.set(true);
            return null;
        });

        ImportOutcome outcome = imports.apply(imports.plan(everything()), ImportProgress.NONE, cancel::get);

        assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
        assertThat(outcome.wroteAnything()).isFalse();
        assertThat(outcome.summary()).isEqualTo("Import cancelled. Nothing was written to the vault.");
        assertThat(vault.list()).isEmpty();
    }

    @Test
    void apply_cancelPartWay_leavesOnlyWholeLinkedRecords_andAnotherRunAddsTheRest() {
        AtomicBoolean cancel = new AtomicBoolean();
        Imports imports = imports(PASSPHRASE);

        ImportOutcome outcome = imports.apply(imports.plan(everything()), (stage, done, total, item) -> {
            if (stage == ImportProgress.Stage.WRITING && done == 3) {
                cancel.set(true);
            }
        }, cancel::get);

        assertThat(outcome.status()).isEqualTo(Status.CANCELLED);
        assertThat(outcome.summary()).startsWith("Import cancelled part way. Written before the cancel: 1 host(s),"
                + " 2 key(s) and 0 known host key(s);");
        assertThat(vault.list()).hasSize(3);
        assertConsistent(outcome, 0);
        assertThat(outcome.rows()).filteredOn(r -> r.reason() == ImportReason.CANCELLED).extracting(ImportRow::reference)
                .contains("web", "db", "legacy", "a.example.com");

        ImportOutcome rest = imports.apply(imports.plan(everything()), ImportProgress.NONE, () -> false);
        assertThat(rest.status()).isEqualTo(Status.COMPLETE);
        assertThat(rest.added(Kind.HOST)).isEqualTo(3);
        assertThat(rows(rest.rows(), Kind.HOST).get("bastion").action()).isEqualTo(Action.KEEP);
        assertThat(vault.list(ItemType.HOST)).hasSize(4);
        assertThat(vault.list(ItemType.SSH_KEY)).hasSize(2);
        assertConsistent(rest, 3);
    }

    @Test
    void apply_vaultLockedPartWay_failsAndSaysWhatWasWritten() {
        Imports imports = imports(PASSPHRASE);

        ImportOutcome outcome = imports.apply(imports.plan(everything()), (stage, done, total, item) -> {
            if (stage == ImportProgress.Stage.WRITING && done == 2) {
                vault.lock();
            }
        }, () -> false);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.failure()).isNotBlank();
        assertThat(outcome.summary()).startsWith("The import stopped with an error").contains("Written before it:");
        assertThat(outcome.rows()).filteredOn(r -> r.action() == Action.ADD).hasSize(2);
        assertThat(outcome.rows()).anyMatch(r -> r.reason() == ImportReason.FAILED);
        vault.unlock("correct horse Battery 9".toCharArray());
        assertThat(vault.list()).hasSize(2);
        assertConsistent(outcome, 0);
    }

    @Test
    void apply_vaultLockedBeforeWriting_failsAndWritesNothing() {
        Imports imports = imports(PASSPHRASE);
        PlannedImport plan = imports.plan(everything());
        vault.lock();

        ImportOutcome outcome = imports.apply(plan, ImportProgress.NONE, () -> false);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.wroteAnything()).isFalse();
        assertThat(outcome.summary()).endsWith("Nothing was written to the vault.");
        vault.unlock("correct horse Battery 9".toCharArray());
        assertThat(vault.list()).isEmpty();
    }

    /**
     * Every row the outcome calls added is in the vault and nothing else was written; every host links only to
     * records that exist.
     */
    private void assertConsistent(ImportOutcome outcome, int recordsBefore) {
        List<ImportRow> added = outcome.rows().stream().filter(r -> r.action() == Action.ADD).toList();
        assertThat(vault.list()).hasSize(recordsBefore + added.size());
        Map<String, VaultRecord> hosts = hostsByLabel();
        assertThat(hosts.keySet()).containsAll(added.stream().filter(r -> r.kind() == Kind.HOST)
                .map(ImportRow::reference).toList());
        List<String> keyNames = vault.list(ItemType.SSH_KEY).stream().map(r -> ((SshKey) r.item()).name()).toList();
        added.stream().filter(r -> r.kind() == Kind.KEY)
                .forEach(r -> assertThat(keyNames).contains(Path.of(r.reference()).getFileName().toString()));
        for (VaultRecord record : hosts.values()) {
            Host host = (Host) record.item();
            host.jumpHosts().forEach(id -> assertThat(vault.get(id)).as("jump of " + host.label()).isPresent());
            Optional.ofNullable(host.keyId()).ifPresent(id -> assertThat(vault.get(id)).isPresent());
        }
        assertThat(outcome.rows()).filteredOn(r -> r.reason() == ImportReason.CANCELLED || r.reason() == ImportReason.FAILED)
                .allMatch(r -> r.action() == Action.SKIP)
                .noneMatch(r -> r.kind() == Kind.HOST && hosts.containsKey(r.reference()) && recordsBefore == 0);
    }
}
