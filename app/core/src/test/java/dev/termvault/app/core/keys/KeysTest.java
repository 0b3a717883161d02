package dev.termvault.app.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.WhenUsed;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys use cases over a real vault on disk, checked against what OpenSSH's ssh-keygen reads and prints. */
class KeysTest {

    @TempDir
    Path temp;
    Vault vault;
    Keys keys;

    @BeforeEach
    void createVault() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse battery staple".toCharArray()).vault();
        keys = new Keys(vault);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    private String hostUsing(String label, String keyId) {
        return vault.add(new Host(label, label + ".example.com", 22, "deploy", AuthMethod.KEY, keyId, null,
                List.of(), List.of(), List.of(), null, null, 0, Map.of(), false, List.of())).id();
    }

    private String sshKeygenFingerprint(String publicLine) throws Exception {
        Path file = Files.createTempFile(temp, "key", ".pub");
        Files.writeString(file, publicLine + "\n");
        return SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()).split(" ")[1];
    }

    @Test
    void generate_thenList_showsTypeSizeFingerprintCommentAndTheHostsUsingIt() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        KeyRow made = keys.generate(KeyAlgorithm.ED25519, 0, "laptop", null);
        KeyRow ecdsa = keys.generate(Keys.algorithm("ecdsa"), 384, "ci", "ci@build");
        hostUsing("web-1", made.id());
        hostUsing("web-2", made.id());

        assertThat(keys.list()).extracting(KeyRow::name, KeyRow::typeLabel, KeyRow::bits, KeyRow::usedBy)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("laptop", "ED25519", 256, 2),
                        org.assertj.core.groups.Tuple.tuple("ci", "ECDSA", 384, 0));
        assertThat(made.comment()).as("the comment defaults to the name").isEqualTo("laptop");
        assertThat(made.fingerprint()).isEqualTo(sshKeygenFingerprint(made.publicKey()));
        assertThat(ecdsa.fingerprint()).isEqualTo(sshKeygenFingerprint(ecdsa.publicKey()));
        assertThat(keys.search("nistp384")).extracting(KeyRow::name).containsExactly("ci");
        assertThat(keys.exportPublic("laptop")).isEqualTo(made.publicKey()).startsWith("ssh-ed25519 AAAA");
        assertThat(keys.usage("laptop")).extracting(HostRef::label).containsExactlyInAnyOrder("web-1", "web-2");
    }

    @Test
    void generate_refusesATakenNameABlankNameAndAWeakRsaKey() {
        keys.generate(KeyAlgorithm.ED25519, 0, "laptop", "");

        assertThatThrownBy(() -> keys.generate(KeyAlgorithm.ED25519, 0, "laptop", ""))
                .isInstanceOf(CoreException.AlreadyExists.class).hasMessageContaining("laptop");
        assertThatThrownBy(() -> keys.generate(KeyAlgorithm.ED25519, 0, "  ", ""))
                .isInstanceOfSatisfying(CoreException.Invalid.class,
                        e -> assertThat(e.fieldErrors()).containsKey("name"));
        assertThatThrownBy(() -> keys.generate(KeyAlgorithm.RSA, 2048, "old", ""))
                .isInstanceOfSatisfying(CoreException.Invalid.class,
                        e -> assertThat(e.fieldErrors().get("bits")).contains("3072"));
        assertThatThrownBy(() -> Keys.algorithm("dsa")).isInstanceOf(CoreException.Invalid.class);
        assertThat(vault.list(ItemType.SSH_KEY)).hasSize(1);
    }

    @Test
    void importFile_encryptedBySshKeygen_asksThePassphrase_refusesAWrongOne() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        Path file = temp.resolve("id_work");
        SystemTools.runOk("ssh-keygen", "-q", "-t", "ed25519", "-a", "4", "-N", "open sesame", "-C", "bob@desk",
                "-f", file.toString());

        assertThatThrownBy(() -> keys.importFile(file, null, PassphrasePrompt.of("nope".toCharArray())))
                .isInstanceOf(SshKeyException.WrongPassphrase.class);
        assertThatThrownBy(() -> keys.importFile(file, null, PassphrasePrompt.NONE))
                .isInstanceOf(SshKeyException.PassphraseRequired.class);
        assertThatThrownBy(() -> keys.importFile(temp.resolve("missing"), null, PassphrasePrompt.NONE))
                .isInstanceOf(CoreException.NotFound.class);
        KeyRow imported = keys.importFile(file, null, PassphrasePrompt.of("open sesame".toCharArray()));

        assertThat(imported.name()).isEqualTo("id_work");
        assertThat(imported.comment()).isEqualTo("bob@desk");
        assertThat(imported.fingerprint()).isEqualTo(sshKeygenFingerprint(Files.readString(Path.of(file + ".pub"))));
        assertThat(vault.list(ItemType.SSH_KEY)).hasSize(1);
    }

    @Test
    void rename_keepsTheKeyAndItsHosts_refusesANameTaken() {
        KeyRow key = keys.generate(KeyAlgorithm.ED25519, 0, "old name", "");
        keys.generate(KeyAlgorithm.ED25519, 0, "other", "");
        String host = hostUsing("web", key.id());

        KeyRow renamed = keys.rename("old name", "new name");

        assertThat(renamed.id()).isEqualTo(key.id());
        assertThat(renamed.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(((Host) vault.get(host).orElseThrow().item()).keyId()).isEqualTo(key.id());
        assertThatThrownBy(() -> keys.rename("new name", "other")).isInstanceOf(CoreException.AlreadyExists.class);
        assertThatThrownBy(() -> keys.rename("old name", "x")).isInstanceOf(CoreException.NotFound.class);
    }

    @Test
    void delete_aKeyInUse_isRefusedNamingTheHosts_unlessUnlinked() {
        KeyRow key = keys.generate(KeyAlgorithm.ED25519, 0, "deploy", "");
        String web = hostUsing("web", key.id());
        KeyRow unused = keys.generate(KeyAlgorithm.ED25519, 0, "spare", "");

        assertThatThrownBy(() -> keys.delete("deploy", WhenUsed.REFUSE))
                .isInstanceOf(CoreException.NotConfirmed.class).hasMessageContaining("web");
        assertThat(vault.get(key.id())).as("nothing deleted").isPresent();
        assertThat(keys.delete("spare", WhenUsed.REFUSE).unlinked()).isEmpty();
        assertThat(vault.get(unused.id())).isEmpty();

        KeyDeletion deleted = keys.delete(key.id().substring(0, 8), WhenUsed.UNLINK);

        assertThat(deleted.key().name()).isEqualTo("deploy");
        assertThat(deleted.unlinked()).containsExactly(new HostRef(web, "web"));
        assertThat(vault.get(key.id())).isEmpty();
        Host host = (Host) vault.get(web).orElseThrow().item();
        assertThat(host.keyId()).as("no dangling reference").isNull();
        assertThat(host.auth()).as("the login method stays").isEqualTo(AuthMethod.KEY);
    }

    @Test
    void exportPrivate_refusedWithoutConfirmation_thenWrittenOwnerOnly_andReadBySshKeygen() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        KeyRow key = keys.generate(KeyAlgorithm.ED25519, 0, "laptop", "ann@laptop");
        Path file = temp.resolve("exported");
        char[] passphrase = "long passphrase".toCharArray();

        assertThatThrownBy(() -> keys.exportPrivate("laptop", passphrase, new PrivateKeyExport(file, false, false)))
                .isInstanceOf(CoreException.NotConfirmed.class);
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> keys.exportPrivate("laptop", new char[0], new PrivateKeyExport(file, true, false)))
                .isInstanceOf(CoreException.Invalid.class);

        keys.exportPrivate("laptop", passphrase, new PrivateKeyExport(file, true, false));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        String derived = SystemTools.runOk("ssh-keygen", "-y", "-f", file.toString(), "-P", "long passphrase");
        assertThat(derived.strip()).startsWith(key.publicKey().substring(0, key.publicKey().lastIndexOf(' ')));
        assertThat(SystemTools.run(List.of("ssh-keygen", "-y", "-f", file.toString(), "-P", "wrong")).exitCode())
                .as("the file is encrypted").isNotZero();
        assertThat(Files.list(temp).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));

        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> keys.exportPrivate("laptop", passphrase, new PrivateKeyExport(file, true, false)))
                .isInstanceOf(CoreException.AlreadyExists.class);
        assertThat(Files.readString(file)).isEqualTo("keep me");
        keys.exportPrivate("laptop", passphrase, new PrivateKeyExport(file, true, true));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SystemTools.runOk("ssh-keygen", "-y", "-f", file.toString(), "-P", "long passphrase"))
                .isEqualTo(derived);
    }
}
