package dev.termvault.app.ssh.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenSshKeyWriterTest {

    @TempDir
    Path dir;

    static Stream<Arguments> keys() {
        return Stream.of(Arguments.of(KeyAlgorithm.ED25519, 0), Arguments.of(KeyAlgorithm.ECDSA, 384),
                Arguments.of(KeyAlgorithm.RSA, 3072));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("keys")
    void encryptedPrivateKey_readBySshKeygenWithPassphraseOnly(KeyAlgorithm algorithm, int bits) throws Exception {
        SystemTools.requireTool("ssh-keygen");
        KeyMaterial key = KeyGeneration.generate(algorithm, bits, "exported@termvault");
        String text = OpenSshKeyWriter.encryptedPrivateKey(key, "s3cret pass".toCharArray());
        assertThat(KeyFileReader.openSshCipher(text)).isEqualTo("aes256-ctr");
        Path file = dir.resolve("exported-" + algorithm);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        String publicLine = SystemTools.runOk("ssh-keygen", "-y", "-P", "s3cret pass", "-f", file.toString()).strip();

        assertThat(publicLine).isEqualTo(OpenSshKeyWriter.authorizedKeysLine(key.publicKey(), key.comment()));
        assertThatThrownBy(() -> KeyFileReader.read(file, PassphrasePrompt.NONE))
                .isInstanceOf(SshKeyException.PassphraseRequired.class);
        assertThat(KeyFileReader.read("exported", text, PassphrasePrompt.of("s3cret pass".toCharArray()))
                .keyPair().getPrivate()).isEqualTo(key.keyPair().getPrivate());
    }

    @Test
    void encryptedPrivateKey_emptyPassphrase_refused() throws Exception {
        KeyMaterial key = KeyGeneration.generate(KeyAlgorithm.ED25519, 0, "c");
        assertThatThrownBy(() -> OpenSshKeyWriter.encryptedPrivateKey(key, new char[0]))
                .isInstanceOf(SshKeyException.UnsupportedKey.class);
    }

    @Test
    void authorizedKeysLine_withoutComment_hasTwoFields() throws Exception {
        KeyMaterial key = KeyGeneration.generate(KeyAlgorithm.ED25519, 0, "");
        assertThat(OpenSshKeyWriter.authorizedKeysLine(key.publicKey(), "").split(" ")).hasSize(2);
        assertThat(PublicKeyLine.parse(OpenSshKeyWriter.authorizedKeysLine(key.publicKey(), "a b")).comment())
                .isEqualTo("a b");
    }
}
