package dev.termvault.vault.internal;

import dev.termvault.vault.ServiceShareSource;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.secret.SecretBytes;

/** The share of a local-only vault: 32 random bytes made here, never sent anywhere. */
public final class LocalServiceShare implements ServiceShareSource {

    public static final LocalServiceShare INSTANCE = new LocalServiceShare();

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
