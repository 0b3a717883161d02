package dev.termvault.app.core.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.ssh.keys.SystemTools;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accepted host keys over one real vault on disk, with keys and hashed names made by ssh-keygen. */
class KnownHostsTest {

    private static final Instant ADDED = Instant.parse("2026-03-04T05:06:00Z");

    @TempDir
    static Path temp;
    static Vault vault;
    static String[] ed25519;
    static String[] ecdsa;

    @BeforeAll
    static void createVault() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse Battery 9".toCharArray()).vault();
        ed25519 = hostKey("ed25519");
        ecdsa = hostKey("ecdsa");
    }

    private static String[] hostKey(String type) throws Exception {
        Path file = temp.resolve("host_" + type);
        SystemTools.runOk("ssh-keygen", "-q", "-t", type, "-N", "", "-f", file.toString());
        return Files.readString(Path.of(file + ".pub")).strip().split(" ");
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    @BeforeEach
    void empty() {
        vault.list(ItemType.KNOWN_HOST).forEach(r -> vault.delete(r.id()));
    }

    private static void accept(String pattern, int port, String[] key) {
        vault.add(new KnownHost(pattern, port, key[0], key[1], ADDED, false));
    }

    private static String fingerprintBySshKeygen(String[] key) throws Exception {
        Path file = Files.createTempFile(temp, "key", ".pub");
        Files.writeString(file, key[0] + " " + key[1] + "\n");
        return SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()).strip().split(" ")[1];
    }

    @Test
    void list_rowsWithTheFingerprintSshKeygenComputes() throws Exception {
        accept("git.example.com", 22, ed25519);
        vault.add(new KnownHost("old.example.com", 2222, "ssh-rsa", "AAAAnot-a-key", null, true));

        List<KnownHostRow> rows = new KnownHosts(vault).list();

        KnownHostRow git = rows.stream().filter(r -> r.host().equals("git.example.com")).findFirst().orElseThrow();
        assertThat(git.fingerprint()).isEqualTo(fingerprintBySshKeygen(ed25519));
        assertThat(git.typeLabel()).isEqualTo("ED25519");
        assertThat(git.addedText(ZoneOffset.UTC)).isEqualTo("2026-03-04");
        assertThat(git.revision()).isEqualTo(1);
        KnownHostRow old = rows.stream().filter(KnownHostRow::revoked).findFirst().orElseThrow();
        assertThat(old.hostAndPort()).isEqualTo("[old.example.com]:2222");
        assertThat(old.fingerprint()).contains("unreadable");
        assertThat(new KnownHosts(vault).search("revoked")).containsExactly(old);
        assertThat(new KnownHosts(vault).search(git.fingerprint().substring(7, 20))).containsExactly(git);
    }

    @Test
    void remove_byPattern_removesEveryKeyOfThatHostAndPortOnly() {
        accept("git.example.com", 22, ed25519);
        accept("git.example.com", 22, ecdsa);
        accept("git.example.com", 2222, ed25519);
        accept("other.example.com", 22, ed25519);
        KnownHosts knownHosts = new KnownHosts(vault);

        List<KnownHostRow> removed = knownHosts.remove("git.example.com", null);

        assertThat(removed).extracting(KnownHostRow::typeLabel).containsExactlyInAnyOrder("ED25519", "ECDSA-256");
        assertThat(knownHosts.list()).extracting(KnownHostRow::hostAndPort)
                .containsExactlyInAnyOrder("[git.example.com]:2222", "other.example.com");
        assertThat(knownHosts.remove("[GIT.example.com]:2222", null)).hasSize(1);
        assertThatThrownBy(() -> knownHosts.remove("git.example.com", null))
                .isInstanceOf(CoreException.NotFound.class).hasMessageContaining("git.example.com");
    }

    @Test
    void remove_anImportedPatternWithExclusions_byTheNameItKeeps() {
        accept("*.corp,!secret.corp", 22, ed25519);
        accept("*.lab,![vault.lab]:2222", 2222, ed25519);
        KnownHosts knownHosts = new KnownHosts(vault);

        assertThatThrownBy(() -> knownHosts.remove("secret.corp", null)).isInstanceOf(CoreException.NotFound.class);
        assertThat(knownHosts.remove("*.corp", null)).extracting(KnownHostRow::hostPattern)
                .containsExactly("*.corp,!secret.corp");
        assertThat(knownHosts.remove("[*.lab]:2222", null)).hasSize(1);
        assertThat(knownHosts.list()).isEmpty();
    }

    @Test
    void remove_withAKeyType_leavesTheHostsOtherKeys() {
        accept("git.example.com", 22, ed25519);
        accept("git.example.com", 22, ecdsa);
        KnownHosts knownHosts = new KnownHosts(vault);

        assertThat(knownHosts.remove("git.example.com", "ssh-ed25519")).extracting(KnownHostRow::keyType)
                .containsExactly("ssh-ed25519");
        assertThatThrownBy(() -> knownHosts.remove("git.example.com", "ed25519"))
                .isInstanceOf(CoreException.NotFound.class).hasMessageContaining("key type ed25519");
        assertThat(knownHosts.remove("git.example.com", "ECDSA-256")).hasSize(1);
        assertThat(knownHosts.list()).isEmpty();
    }

    @Test
    void remove_aHashedEntry_matchedByTheNameItHides() throws Exception {
        Path file = temp.resolve("known_hosts_" + System.nanoTime());
        Files.writeString(file, "secret.example.com " + ed25519[0] + " " + ed25519[1] + "\n");
        SystemTools.runOk("ssh-keygen", "-H", "-f", file.toString());
        String hashed = Files.readString(file).strip().split(" ")[0];
        assertThat(hashed).startsWith("|1|");
        accept(hashed, 22, ed25519);
        KnownHosts knownHosts = new KnownHosts(vault);
        assertThat(knownHosts.list()).extracting(KnownHostRow::host).containsExactly("hashed name");

        assertThatThrownBy(() -> knownHosts.remove("other.example.com", null))
                .isInstanceOf(CoreException.NotFound.class);
        assertThat(knownHosts.remove("secret.example.com", null)).extracting(KnownHostRow::hostPattern)
                .containsExactly(hashed);
        assertThat(knownHosts.list()).isEmpty();
    }
}
