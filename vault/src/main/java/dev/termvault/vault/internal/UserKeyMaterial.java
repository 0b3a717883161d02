package dev.termvault.vault.internal;

import dev.termvault.vault.KdfParams;
import dev.termvault.vault.secret.SecretBytes;

/**
 * The password side of an account as the key code needs it: K_user, the salt and KDF parameters it was
 * derived with, and the Secret Key's raw bytes. A view over what the caller owns; it wipes nothing.
 */
public record UserKeyMaterial(SecretBytes userKey, byte[] salt, KdfParams params, byte[] secretKey) {

    @Override
    public String toString() {
        return "UserKeyMaterial[kdf=" + params + "]";
    }
}
