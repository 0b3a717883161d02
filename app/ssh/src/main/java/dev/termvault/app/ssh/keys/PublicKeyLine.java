package dev.termvault.app.ssh.keys;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * A public key read from one OpenSSH line ({@code type base64 [comment]}, as in a .pub file or
 * authorized_keys).
 *
 * @param key     the public key
 * @param comment the comment, empty when there is none
 */
public record PublicKeyLine(PublicKey key, String comment) {

    /** The key size in bits as ssh-keygen reports it. */
    public int bits() {
        return KeyTypes.bits(key);
    }

    public static PublicKeyLine parse(String line) throws SshKeyException {
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.strip());
            if (entry == null) {
                throw new SshKeyException.InvalidKeyFile("Not a public key line");
            }
            PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            String comment = entry.getComment() == null ? "" : entry.getComment().strip();
            return new PublicKeyLine(key, comment);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new SshKeyException.InvalidKeyFile("Not a public key line Termvault can read");
        }
    }
}
