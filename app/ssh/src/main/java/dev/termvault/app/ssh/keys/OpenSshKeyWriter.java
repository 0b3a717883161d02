package dev.termvault.app.ssh.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Writes keys in OpenSSH's own formats, as ssh-keygen does. */
public final class OpenSshKeyWriter {

    /** ssh-keygen's default bcrypt KDF rounds. */
    public static final int KDF_ROUNDS = 16;

    private OpenSshKeyWriter() {
    }

    /** The public key as one authorized_keys line: type, base64 blob and, if any, the comment. */
    public static String authorizedKeysLine(PublicKey key, String comment) {
        String line = PublicKeyEntry.toString(key);
        return comment == null || comment.isBlank() ? line : line + " " + comment.strip();
    }

    /** The private key as openssh-key-v1 without a passphrase: only for storing inside the vault. */
    public static String unencryptedPrivateKey(KeyMaterial key) throws SshKeyException {
        return write(key, null);
    }

    /**
     * The private key as openssh-key-v1 protected by {@code passphrase}, with the bcrypt KDF and
     * aes256-ctr, as {@code ssh-keygen -p} writes it. The caller wipes the passphrase.
     */
    public static String encryptedPrivateKey(KeyMaterial key, char[] passphrase) throws SshKeyException {
        if (passphrase == null || passphrase.length == 0) {
            throw new SshKeyException.UnsupportedKey("An exported private key needs a passphrase");
        }
        OpenSSHKeyEncryptionContext context = new OpenSSHKeyEncryptionContext();
        context.setCipherName(OpenSSHKeyEncryptionContext.AES);
        context.setCipherType("256");
        context.setCipherMode("CTR");
        context.setKdfRounds(KDF_ROUNDS);
        context.setPassword(new String(passphrase));
        return write(key, context);
    }

    private static String write(KeyMaterial key, OpenSSHKeyEncryptionContext context) throws SshKeyException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key.keyPair(), key.comment(), context, out);
        } catch (IOException | GeneralSecurityException e) {
            throw new SshKeyException.UnsupportedKey("A " + key.keyType() + " key cannot be written in OpenSSH format");
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
