package dev.termvault.app.ssh.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code termvault keys inspect} shows about a key file.
 *
 * @param keyType    SSH key type name
 * @param bits       key size as ssh-keygen reports it
 * @param comment    the comment: from FILE.pub when it exists (as ssh-keygen does), else the key's own
 * @param sha256Line the line {@code ssh-keygen -l -E sha256 -f FILE} prints
 * @param md5Line    the line {@code ssh-keygen -l -E md5 -f FILE} prints
 */
public record KeyInspection(String keyType, int bits, String comment, String sha256Line, String md5Line) {

    public static KeyInspection of(Path file, PassphrasePrompt prompt) throws SshKeyException, IOException {
        KeyMaterial key = KeyFileReader.read(file, prompt);
        try {
            String comment = key.comment();
            Path pub = file.resolveSibling(file.getFileName() + ".pub");
            if (Files.isRegularFile(pub)) {
                PublicKeyLine line = PublicKeyLine.parse(Files.readString(pub, StandardCharsets.UTF_8));
                if (line.key().equals(key.publicKey())) {
                    comment = line.comment();
                }
            }
            return of(key, comment);
        } finally {
            key.destroy();
        }
    }

    public static KeyInspection of(KeyMaterial key, String comment) {
        return new KeyInspection(key.keyType(), key.bits(), comment,
                Fingerprints.keygenLine(key.publicKey(), comment, Fingerprints.Hash.SHA256),
                Fingerprints.keygenLine(key.publicKey(), comment, Fingerprints.Hash.MD5));
    }
}
