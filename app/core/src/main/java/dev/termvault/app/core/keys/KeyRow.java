package dev.termvault.app.core.keys;

import dev.termvault.app.ssh.keys.Fingerprints;
import dev.termvault.app.ssh.keys.PublicKeyLine;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.SshKey;
import java.util.Locale;

/**
 * One SSH key as both front ends list it (the Keys screen, {@code keys list --json}). Never holds the private key.
 *
 * @param id          the record id
 * @param name        the key's name
 * @param keyType     the SSH key type name (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa...)
 * @param bits        the size as ssh-keygen reports it, 0 when the public key cannot be read
 * @param fingerprint {@code SHA256:...} as ssh-keygen prints it, or a note when the public key cannot be read
 * @param comment     the key comment
 * @param publicKey   the OpenSSH public key line (authorized_keys)
 * @param usedBy      how many hosts log in with it
 */
public record KeyRow(String id, String name, String keyType, int bits, String fingerprint, String comment,
                     String publicKey, int usedBy) {

    /** What {@link #fingerprint} says when the stored public key cannot be parsed. */
    public static final String UNREADABLE = "(public key unreadable)";

    static KeyRow of(VaultRecord record, int usedBy) {
        SshKey key = (SshKey) record.item();
        String comment = key.comment() == null ? "" : key.comment();
        String line = key.publicKey() == null ? "" : key.publicKey().strip();
        try {
            PublicKeyLine parsed = PublicKeyLine.parse(line);
            return new KeyRow(record.id(), key.name(), typeOf(key, line), parsed.bits(),
                    Fingerprints.sha256(parsed.key()), comment, line, usedBy);
        } catch (SshKeyException | RuntimeException e) {
            return new KeyRow(record.id(), key.name(), typeOf(key, line), 0, UNREADABLE, comment, line, usedBy);
        }
    }

    private static String typeOf(SshKey key, String line) {
        int space = line.indexOf(' ');
        return space > 0 ? line.substring(0, space) : key.keyType() == null ? "" : key.keyType();
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
        return keyType.toUpperCase(Locale.ROOT);
    }

    /** Whether every word of a search (lower case) is in the name, type, size, fingerprint or comment. */
    boolean matches(String[] words) {
        String text = String.join(" ", name, keyType, typeLabel(), fingerprint, comment, Integer.toString(bits))
                .toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
