package dev.termvault.vault.internal.crypto;

import java.security.GeneralSecurityException;

/**
 * Authenticated decryption failed: wrong key, wrong associated data, or changed ciphertext. Says
 * nothing more, and chains no cause, so no caller can learn (or leak) which check failed.
 */
public final class DecryptionFailedException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    public DecryptionFailedException() {
        super("decryption failed");
    }
}
