package dev.termvault.app.ssh.keys;

import java.security.PublicKey;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/** Key fingerprints written exactly as {@code ssh-keygen -l -E sha256|md5} writes them. */
public final class Fingerprints {

    /** The hash a fingerprint is made with. */
    public enum Hash { SHA256, MD5 }

    private Fingerprints() {
    }

    /** {@code SHA256:} followed by unpadded base64. */
    public static String sha256(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** {@code MD5:} followed by colon-separated lower-case hex. */
    public static String md5(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.md5, key);
    }

    public static String of(PublicKey key, Hash hash) {
        return hash == Hash.SHA256 ? sha256(key) : md5(key);
    }

    /**
     * The whole line {@code ssh-keygen -l} prints: bits, fingerprint, comment ({@code no comment} when
     * empty) and the key type in parentheses.
     */
    public static String keygenLine(PublicKey key, String comment, Hash hash) {
        String shown = comment == null || comment.isEmpty() ? "no comment" : comment;
        return KeyTypes.bits(key) + " " + of(key, hash) + " " + shown + " (" + KeyTypes.keygenLabel(key) + ")";
    }
}
