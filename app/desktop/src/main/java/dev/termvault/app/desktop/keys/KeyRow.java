package dev.termvault.app.desktop.keys;

import dev.termvault.app.ssh.keys.Fingerprints;
import dev.termvault.app.ssh.keys.PublicKeyLine;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.SshKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * One SSH key as the Keys screen lists it.
 *
 * @param id          the record id
 * @param name        the key's name
 * @param keyType     the SSH key type name (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa...)
 * @param bits        the size as ssh-keygen reports it, 0 when the public key cannot be read
 * @param fingerprint {@code SHA256:...} as ssh-keygen prints it, or a note when the public key cannot be read
 * @param comment     the key comment
 * @param publicKey   the OpenSSH public key line
 */
public record KeyRow(String id, String name, String keyType, int bits, String fingerprint, String comment,
                     String publicKey) {

    /** The row for a vault record holding an {@link SshKey}. */
    public static KeyRow of(VaultRecord record) {
        SshKey key = (SshKey) record.item();
        String comment = key.comment() == null ? "" : key.comment();
        String line = key.publicKey() == null ? "" : key.publicKey().strip();
        try {
            PublicKey parsed = PublicKeyLine.parse(line).key();
            return new KeyRow(record.id(), key.name(), typeOf(key, line), bits(parsed), Fingerprints.sha256(parsed),
                    comment, line);
        } catch (SshKeyException | RuntimeException e) {
            return new KeyRow(record.id(), key.name(), typeOf(key, line), 0, "(public key unreadable)", comment,
                    line);
        }
    }

    private static String typeOf(SshKey key, String line) {
        int space = line.indexOf(' ');
        return space > 0 ? line.substring(0, space) : key.keyType() == null ? "" : key.keyType();
    }

    private static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 256;
    }

    /** A short type name: ED25519, ECDSA, RSA. */
    public String typeLabel() {
        if (keyType.equals("ssh-ed25519")) {
            return "ED25519";
        }
        if (keyType.startsWith("ecdsa-")) {
            return "ECDSA";
        }
        if (keyType.equals("ssh-rsa") || keyType.startsWith("rsa-")) {
            return "RSA";
        }
        return keyType.toUpperCase(java.util.Locale.ROOT);
    }
}
