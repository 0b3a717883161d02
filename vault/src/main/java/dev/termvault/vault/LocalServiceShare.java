package dev.termvault.vault;

import dev.termvault.vault.crypto.KeyHierarchy;
import dev.termvault.vault.crypto.SecretBytes;

/** The share of a local-only vault: 32 random bytes made here, never sent anywhere. */
final class LocalServiceShare implements ServiceShareSource {

    static final LocalServiceShare INSTANCE = new LocalServiceShare();

    private LocalServiceShare() {
    }

    @Override
    public SecretBytes newShare() {
        return KeyHierarchy.newServiceShare();
    }

    @Override
    public String kind() {
        return "local";
    }
}
