package dev.termvault.app.ssh;

import java.util.List;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;

/**
 * A {@link KnownHostStore} over an unlocked {@link Vault}: accepted keys become KnownHost records, so they
 * sync like every other record.
 */
public final class VaultKnownHostStore implements KnownHostStore {

    private final Vault vault;

    public VaultKnownHostStore(Vault vault) {
        this.vault = vault;
    }

    @Override
    public List<KnownHost> list() {
        return vault.list(ItemType.KNOWN_HOST).stream().map(VaultRecord::item)
                .filter(KnownHost.class::isInstance).map(KnownHost.class::cast).toList();
    }

    @Override
    public void add(KnownHost accepted) {
        vault.add(accepted);
    }

    @Override
    public void replace(KnownHost previous, KnownHost accepted) {
        String id = vault.list(ItemType.KNOWN_HOST).stream().filter(r -> previous.equals(r.item()))
                .map(VaultRecord::id).findFirst().orElse(null);
        if (id == null) {
            vault.add(accepted);
        } else {
            vault.update(id, accepted);
        }
    }
}
