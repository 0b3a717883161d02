package dev.termvault.vault;

import java.util.Objects;

/**
 * A newly created vault and what the person must keep from its creation.
 *
 * @param vault     the vault, open and unlocked
 * @param secretKey the Secret Key in Emergency Kit form ({@code TV1-XXXX-...}); show or print it once for the
 *                  Emergency Kit. It is also kept on this device, but another device (or a restore) needs it.
 */
public record CreatedVault(Vault vault, String secretKey) {

    public CreatedVault {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    @Override
    public String toString() {
        return "CreatedVault[" + vault + ", secretKey=TV1-****]";
    }
}
