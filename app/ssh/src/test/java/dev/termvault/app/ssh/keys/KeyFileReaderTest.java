package dev.termvault.app.ssh.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Key files written by ssh-keygen during the test (and PuTTY fixtures) read back with the same fingerprints. */
class KeyFileReaderTest {

    private static final char[] PASSPHRASE = "correct horse".toCharArray();

    @TempDir
    Path dir;

    /** type, bits, ssh-keygen -m format (null = OpenSSH), with a passphrase. */
    static Stream<Arguments> sshKeygenFiles() {
        return Stream.of(
                Arguments.of("ed25519", 256, null, true),
                Arguments.of("ed25519", 256, null, false),
                Arguments.of("ecdsa", 256, null, true),
                Arguments.of("ecdsa", 384, null, true),
                Arguments.of("ecdsa", 521, null, false),
                Arguments.of("rsa", 3072, null, true),
                Arguments.of("rsa", 3072, "PEM", true),
                Arguments.of("rsa", 3072, "PEM", false),
                Arguments.of("ecdsa", 256, "PEM", true),
                Arguments.of("ecdsa", 521, "PEM", false),
                Arguments.of("ecdsa", 384, "PKCS8", true),
                Arguments.of("ecdsa", 256, "PKCS8", false),
                Arguments.of("rsa", 3072, "PKCS8", true),
                Arguments.of("rsa", 3072, "PKCS8", false));
    }

    /** One key per type and size made by ssh-keygen, then copied into each format ssh-keygen converts to. */
    private static final Map<String, Path> BASE_KEYS = new ConcurrentHashMap<>();

    @TempDir
    static Path keyDir;

    private Path keygen(String type, int bits, String format, boolean withPassphrase) throws IOException {
        Path base = BASE_KEYS.computeIfAbsent(type + bits, name -> {
            Path file = keyDir.resolve(name);
            SystemTools.runOk("ssh-keygen", "-q", "-t", type, "-b", String.valueOf(bits), "-C", "comment " + type,
                    "-N", "", "-f", file.toString());
            return file;
        });
        Path file = dir.resolve(base.getFileName() + "-" + (format == null ? "openssh" : format) + "-"
                + withPassphrase);
        Files.copy(base, file);
        Files.copy(base.resolveSibling(base.getFileName() + ".pub"), file.resolveSibling(file.getFileName() + ".pub"));
        // ssh-keygen -p rewrites the copy in the wanted format and with the wanted passphrase; few bcrypt
        // rounds keep the test fast without changing the format.
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-p", "-a", "4", "-P", "",
                "-N", withPassphrase ? new String(PASSPHRASE) : "", "-f", file.toString()));
        if (format != null) {
            command.addAll(List.of("-m", format));
        }
        SystemTools.runOk(command.toArray(String[]::new));
        return file;
    }

    @ParameterizedTest(name = "{0} {1} {2} passphrase={3}")
    @MethodSource("sshKeygenFiles")
    void read_sshKeygenFile_sameKeyAndFingerprintLinesAsSshKeygen(String type, int bits, String format,
            boolean withPassphrase) throws Exception {
        SystemTools.requireTool("ssh-keygen");
        Path file = keygen(type, bits, format, withPassphrase);

        KeyMaterial key = KeyFileReader.read(file, PassphrasePrompt.of(PASSPHRASE));
        PublicKeyLine pub = PublicKeyLine.parse(Files.readString(file.resolveSibling(file.getFileName() + ".pub")));

        assertThat(key.publicKey()).isEqualTo(pub.key());
        assertThat(key.bits()).isEqualTo(bits);
        if (format == null) {
            assertThat(key.comment()).isEqualTo("comment " + type);
        }
        KeyInspection inspection = KeyInspection.of(file, PassphrasePrompt.of(PASSPHRASE));
        assertThat(inspection.sha256Line())
                .isEqualTo(SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()).strip());
        assertThat(inspection.md5Line())
                .isEqualTo(SystemTools.runOk("ssh-keygen", "-l", "-E", "md5", "-f", file.toString()).strip());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sshKeygenFiles")
    void read_wrongPassphrase_throwsWrongPassphrase(String type, int bits, String format, boolean withPassphrase)
            throws IOException {
        SystemTools.requireTool("ssh-keygen");
        if (!withPassphrase) {
            return;
        }
        Path file = keygen(type, bits, format, true);
        assertThatThrownBy(() -> KeyFileReader.read(file, PassphrasePrompt.of("wrong one".toCharArray())))
                .isInstanceOf(SshKeyException.WrongPassphrase.class)
                .hasMessage("Wrong passphrase for " + file);
        assertThatThrownBy(() -> KeyFileReader.read(file, PassphrasePrompt.NONE))
                .isInstanceOf(SshKeyException.PassphraseRequired.class);
    }

    @Test
    void read_unencryptedKey_neverAsksForPassphrase() throws Exception {
        SystemTools.requireTool("ssh-keygen");
        Path file = keygen("ed25519", 256, null, false);
        PassphrasePrompt failing = resource -> {
            throw new AssertionError("asked for a passphrase");
        };
        assertThat(KeyFileReader.read(file, failing).keyType()).isEqualTo("ssh-ed25519");
    }

    @Test
    void read_notAKey_throwsInvalidKeyFile() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello\n");
        assertThatThrownBy(() -> KeyFileReader.read(file, PassphrasePrompt.NONE))
                .isInstanceOf(SshKeyException.InvalidKeyFile.class).hasMessageContaining("not a private key");
        Files.writeString(file, "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeyFileReader.read(file, PassphrasePrompt.NONE))
                .isInstanceOf(SshKeyException.InvalidKeyFile.class);
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(KeyFileReaderTest.class.getResource("/ssh-keys/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519-v3-pass", "rsa-v2-pass", "ecdsa-v3-plain", "ed25519-v2-plain"})
    void read_puttyFile_sameKeyAsPuttygenExportAndSshKeygenFingerprints(String name) throws Exception {
        SystemTools.requireTool("ssh-keygen");
        Path ppk = fixture(name + ".ppk");
        Path pubFile = fixture(name + ".pub");
        PublicKeyLine pub = PublicKeyLine.parse(Files.readString(pubFile, StandardCharsets.UTF_8));

        KeyMaterial key = KeyFileReader.read(ppk, PassphrasePrompt.of("putty-pass".toCharArray()));

        assertThat(key.publicKey()).isEqualTo(pub.key());
        assertThat(key.comment()).isEqualTo(pub.comment());
        for (Fingerprints.Hash hash : Fingerprints.Hash.values()) {
            assertThat(Fingerprints.keygenLine(key.publicKey(), key.comment(), hash)).isEqualTo(SystemTools.runOk(
                    "ssh-keygen", "-l", "-E", hash.name().toLowerCase(java.util.Locale.ROOT), "-f", pubFile.toString()).strip());
        }
        String exported = OpenSshKeyWriter.unencryptedPrivateKey(key);
        assertThat(KeyFileReader.read("again", exported, PassphrasePrompt.NONE).publicKey()).isEqualTo(pub.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519-v3-pass", "rsa-v2-pass"})
    void read_puttyFileWrongPassphrase_throwsWrongPassphrase(String name) throws Exception {
        Path ppk = fixture(name + ".ppk");
        assertThatThrownBy(() -> KeyFileReader.read(ppk, PassphrasePrompt.of("not-it".toCharArray())))
                .isInstanceOf(SshKeyException.WrongPassphrase.class);
    }
}
