package dev.termvault.vault.model;

import java.util.Objects;

/**
 * An SSH key pair.
 *
 * @param name       the name a person picks the key by
 * @param privateKey the private key in OpenSSH (openssh-key-v1) format, unencrypted: the vault
 *                   envelope is what protects it
 * @param publicKey  the public key as an authorized_keys line
 * @param comment    the key comment
 * @param keyType    the SSH key type name (ssh-ed25519, ecdsa-sha2-nistp256, rsa-sha2-512...)
 */
public record SshKey(String name, String privateKey, String publicKey, String comment, String keyType)
        implements Item {

    public SshKey {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A key needs a name");
        }
    }

    @Override
    public ItemType itemType() {
        return ItemType.SSH_KEY;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public String toString() {
        return "SshKey[name=" + name + ", keyType=" + keyType + ", comment=" + comment + "]";
    }
}
