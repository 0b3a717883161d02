package dev.termvault.vault;

import dev.termvault.vault.crypto.KeyWrap;
import dev.termvault.vault.crypto.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;

/**
 * The stored form of a vault key wrapped under K_acct, with its account-key epoch
 * (docs/security/key-hierarchy.md, "Account-key epochs"). Epoch 0 is the plain 60-byte wrap made at sign-up
 * or by a local password change; a password change of a synced vault re-wraps every key version at a higher
 * epoch: {@code 0xE1 ‖ epoch (u32) ‖ wrap}, where the wrap's associated data ends with the same epoch, so a
 * wrap cannot be relabelled with another epoch. The framing is public (the blob service reads the epoch to
 * refuse a re-wrap that does not move forward); what it protects is bound inside the wrap.
 */
public final class VaultKeyWraps {

    /** The first byte of a wrap at an epoch above 0. */
    static final byte EPOCH_MARK = (byte) 0xE1;
    /** Length of a wrap at an epoch above 0. */
    public static final int EPOCH_WRAP_LENGTH = 5 + KeyWrap.WRAPPED_LENGTH;

    private VaultKeyWraps() {
    }

    /** The account-key epoch a stored wrap names (0 for a plain wrap). */
    public static int epoch(byte[] wrapped) {
        if (wrapped != null && wrapped.length == EPOCH_WRAP_LENGTH && wrapped[0] == EPOCH_MARK) {
            return ByteBuffer.wrap(wrapped, 1, 4).getInt();
        }
        return 0;
    }

    /** The highest epoch among {@code wrapped} (0 when empty). */
    public static int maxEpoch(Map<Integer, byte[]> wrapped) {
        return wrapped.values().stream().mapToInt(VaultKeyWraps::epoch).max().orElse(0);
    }

    static byte[] wrap(SecretBytes accountKey, SecretBytes vaultKey, UUID vaultId, int version, int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more");
        }
        if (epoch == 0) {
            return KeyWrap.wrap(accountKey, vaultKey, Contexts.vaultKey(vaultId, version));
        }
        byte[] wrap = KeyWrap.wrap(accountKey, vaultKey, Contexts.vaultKey(vaultId, version, epoch));
        return ByteBuffer.allocate(EPOCH_WRAP_LENGTH).put(EPOCH_MARK).putInt(epoch).put(wrap).array();
    }

    /** @throws VaultException.Tampered if the wrap does not open under {@code accountKey} */
    static SecretBytes unwrap(SecretBytes accountKey, byte[] wrapped, UUID vaultId, int version) {
        int epoch = epoch(wrapped);
        if (epoch == 0) {
            return KeyWrap.unwrap(accountKey, wrapped, Contexts.vaultKey(vaultId, version));
        }
        byte[] wrap = java.util.Arrays.copyOfRange(wrapped, 5, wrapped.length);
        return KeyWrap.unwrap(accountKey, wrap, Contexts.vaultKey(vaultId, version, epoch));
    }
}
