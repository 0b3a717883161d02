package dev.termvault.vault.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The associated data ("context") of each key wrap, so a wrapped key moved elsewhere does not unwrap. */
public final class Contexts {

    private static final byte[] SHARE = "termvault/v1/service-share".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VAULT_KEY = "termvault/v1/vault-key".getBytes(StandardCharsets.US_ASCII);

    private Contexts() {
    }

    /** S wrapped under K_local: label || account id (16 bytes). */
    public static byte[] serviceShare(byte[] accountId) {
        return ByteBuffer.allocate(SHARE.length + accountId.length).put(SHARE).put(accountId).array();
    }

    /** VK wrapped under K_acct: label || vault id (16 bytes, big-endian) || key version (u32 big-endian). */
    public static byte[] vaultKey(UUID vaultId, int version) {
        return ByteBuffer.allocate(VAULT_KEY.length + 20).put(VAULT_KEY).putLong(vaultId.getMostSignificantBits())
                .putLong(vaultId.getLeastSignificantBits()).putInt(version).array();
    }

    /**
     * VK wrapped under K_acct at an account-key epoch above 0 (after a password change of a synced vault):
     * the epoch-0 context || epoch (u32 big-endian).
     */
    public static byte[] vaultKey(UUID vaultId, int version, int epoch) {
        byte[] base = vaultKey(vaultId, version);
        return ByteBuffer.allocate(base.length + 4).put(base).putInt(epoch).array();
    }
}
