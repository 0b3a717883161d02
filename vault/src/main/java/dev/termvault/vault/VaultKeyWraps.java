package dev.termvault.vault;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The stored form of a vault key wrapped under K_acct, with its account-key epoch
 * (docs/security/key-hierarchy.md, "Account-key epochs"). Epoch 0 is the plain 60-byte wrap made at sign-up
 * or by a local password change; a password change of a synced vault re-wraps every key version at a higher
 * epoch: {@code 0xE1 ‖ epoch (u32) ‖ wrap}, where the wrap's associated data ends with the same epoch, so a
 * wrap cannot be relabelled with another epoch. The framing is public (the blob service reads the epoch to
 * refuse a re-wrap that does not move forward); what it protects is bound inside the wrap, which only the
 * vault makes and opens.
 */
public final class VaultKeyWraps {

    /** The first byte of a wrap at an epoch above 0. */
    public static final byte EPOCH_MARK = (byte) 0xE1;
    /** Length of a plain wrap: nonce (12) ‖ encrypted key (32) ‖ tag (16). */
    public static final int PLAIN_WRAP_LENGTH = 60;
    /** Length of a wrap at an epoch above 0. */
    public static final int EPOCH_WRAP_LENGTH = 5 + PLAIN_WRAP_LENGTH;

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
}
