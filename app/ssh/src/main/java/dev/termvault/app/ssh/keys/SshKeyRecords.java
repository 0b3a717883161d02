package dev.termvault.app.ssh.keys;

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
