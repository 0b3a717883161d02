package dev.termvault.app.ssh.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dev.termvault.vault.model.SshKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyGenerationTest {

    @TempDir
    Path dir;

    static Stream<Arguments> everyTypeAndSize() {
        return Stream.of(
                Arguments.of(KeyAlgorithm.ED25519, 0, "ssh-ed25519", 256),
                Arguments.of(KeyAlgorithm.ECDSA, 256, "ecdsa-sha2-nistp256", 256),
                Arguments.of(KeyAlgorithm.ECDSA, 384, "ecdsa-sha2-nistp384", 384),
                Arguments.of(KeyAlgorithm.ECDSA, 521, "ecdsa-sha2-nistp521", 521),
                Arguments.of(KeyAlgorithm.RSA, 0, "ssh-rsa", 3072),
                Arguments.of(KeyAlgorithm.RSA, 4096, "ssh-rsa", 4096));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTypeAndSize")
    void generate_everyType_storesAsRecordThatSshKeygenReadsWithSameFingerprints(
            KeyAlgorithm algorithm, int bits, String expectedType, int expectedBits) throws Exception {
        SystemTools.requireTool("ssh-keygen");
        KeyMaterial key = KeyGeneration.generate(algorithm, bits, "made@termvault");

        assertThat(key.keyType()).isEqualTo(expectedType);
        assertThat(key.bits()).isEqualTo(expectedBits);
        SshKey record = SshKeyRecords.toRecord("test", key);
        assertThat(record.keyType()).isEqualTo(expectedType);
        assertThat(record.publicKey()).startsWith(expectedType + " ").endsWith(" made@termvault");
        assertThat(record.privateKey()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(KeyFileReader.openSshCipher(record.privateKey())).isEqualTo("none");

        Path file = dir.resolve("id");
        Files.writeString(file, record.privateKey());
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(SystemTools.runOk("ssh-keygen", "-l", "-E", "sha256", "-f", file.toString()).strip())
                .isEqualTo(Fingerprints.keygenLine(key.publicKey(), "made@termvault", Fingerprints.Hash.SHA256));
        assertThat(SystemTools.runOk("ssh-keygen", "-l", "-E", "md5", "-f", file.toString()).strip())
                .isEqualTo(Fingerprints.keygenLine(key.publicKey(), "made@termvault", Fingerprints.Hash.MD5));
        assertThat(SystemTools.runOk("ssh-keygen", "-y", "-f", file.toString()).strip())
                .isEqualTo(record.publicKey());

        KeyMaterial back = SshKeyRecords.fromRecord(record);
        assertThat(back.keyPair().getPrivate()).isEqualTo(key.keyPair().getPrivate());
        assertThat(back.comment()).isEqualTo("made@termvault");
    }

    @Test
    void generate_rsaShorterThan3072_refusedAsWeakWithClearMessage() {
        assertThatThrownBy(() -> KeyGeneration.generate(KeyAlgorithm.RSA, 2048, "c"))
                .isInstanceOf(SshKeyException.WeakKey.class)
                .hasMessageContaining("3072").hasMessageContaining("2048");
    }

    @Test
    void generate_ecdsaWithUnknownCurveSize_refused() {
        assertThatThrownBy(() -> KeyGeneration.generate(KeyAlgorithm.ECDSA, 512, "c"))
                .isInstanceOf(SshKeyException.UnsupportedKey.class).hasMessageContaining("[256, 384, 521]");
    }

    @Test
    void parse_unknownAlgorithm_refused() throws Exception {
        assertThat(KeyAlgorithm.parse("Ed25519")).isEqualTo(KeyAlgorithm.ED25519);
        assertThatThrownBy(() -> KeyAlgorithm.parse("dsa")).isInstanceOf(SshKeyException.UnsupportedKey.class);
    }

    @Test
    void toString_showsMetadataOnly() throws Exception {
        KeyMaterial key = KeyGeneration.generate(KeyAlgorithm.ED25519, 0, "who@where");
        String privateText = OpenSshKeyWriter.unencryptedPrivateKey(key);
        assertThat(key.toString()).contains("ssh-ed25519", "who@where").doesNotContain(privateText.substring(40, 80));
        assertThat(SshKeyRecords.toRecord("n", key).toString()).doesNotContain("PRIVATE");
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(key::keyPair).isInstanceOf(IllegalStateException.class);
    }
}
