package dev.termvault.app.ssh.keys;

import java.io.IOException;
import java.nio.file.Path;

import dev.termvault.vault.model.SshKey;

/** Turns key material into vault {@link SshKey} records and back. */
public final class SshKeyRecords {

    private SshKeyRecords() {
    }

    /**
     * A vault record for {@code key}: the private key as unencrypted openssh-key-v1 (the vault envelope
     * protects it), the public key as an authorized_keys line, the comment and the SSH key type.
     */
    public static SshKey toRecord(String name, KeyMaterial key) throws SshKeyException {
        return new SshKey(name, OpenSshKeyWriter.unencryptedPrivateKey(key),
                OpenSshKeyWriter.authorizedKeysLine(key.publicKey(), key.comment()), key.comment(), key.keyType());
    }

    /**
     * Reads a private key file (asking {@code prompt} when it is encrypted) into a vault record named {@code name};
     * the key material read is destroyed before this returns.
     */
    public static SshKey readFile(Path file, String name, PassphrasePrompt prompt) throws SshKeyException, IOException {
        KeyMaterial key = KeyFileReader.read(file, prompt);
        try {
            return toRecord(name, key);
        } finally {
            key.destroy();
        }
    }

    /** The key material held in a vault record. */
    public static KeyMaterial fromRecord(SshKey record) throws SshKeyException {
        if (record.privateKey() == null || record.privateKey().isBlank()) {
            throw new SshKeyException.InvalidKeyFile("The key '" + record.name() + "' has no private key");
        }
        KeyMaterial key = KeyFileReader.read("key '" + record.name() + "'", record.privateKey(),
                PassphrasePrompt.NONE);
        return key.withComment(record.comment());
    }
}
