package dev.termvault.vault.internal;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultKeyWraps;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;

/**
 * Wraps and opens a vault key under K_acct at an account-key epoch, in the stored form that
 * {@link VaultKeyWraps} describes: epoch 0 is the plain wrap, a higher epoch is framed and bound into the
 * wrap's associated data.
 */
public final class VaultKeyWrap {

    /** The first byte of a wrap at an epoch above 0. */
    static final byte EPOCH_MARK = VaultKeyWraps.EPOCH_MARK;

    private VaultKeyWrap() {
    }

    /** {@code vaultKey} wrapped under {@code accountKey} for this vault, version and epoch. */
    public static byte[] wrap(SecretBytes accountKey, SecretBytes vaultKey, UUID vaultId, int version, int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more");
        }
        if (epoch == 0) {
            return KeyWrap.wrap(accountKey, vaultKey, Contexts.vaultKey(vaultId, version));
        }
        byte[] wrap = KeyWrap.wrap(accountKey, vaultKey, Contexts.vaultKey(vaultId, version, epoch));
        return ByteBuffer.allocate(VaultKeyWraps.EPOCH_WRAP_LENGTH).put(EPOCH_MARK).putInt(epoch).put(wrap).array();
    }

    /** @throws VaultException.Tampered if the wrap does not open under {@code accountKey} */
    public static SecretBytes unwrap(SecretBytes accountKey, byte[] wrapped, UUID vaultId, int version) {
        int epoch = VaultKeyWraps.epoch(wrapped);
        if (epoch == 0) {
            return KeyWrap.unwrap(accountKey, wrapped, Contexts.vaultKey(vaultId, version));
        }
        byte[] wrap = Arrays.copyOfRange(wrapped, 5, wrapped.length);
        return KeyWrap.unwrap(accountKey, wrap, Contexts.vaultKey(vaultId, version, epoch));
    }
}
