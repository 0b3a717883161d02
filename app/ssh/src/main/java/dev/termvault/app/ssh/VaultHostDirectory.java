package dev.termvault.app.ssh;

import java.util.Optional;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.SshKey;

/** A {@link HostDirectory} over an unlocked {@link Vault}: record ids are the vault's record ids. */
public final class VaultHostDirectory implements HostDirectory {

    private final Vault vault;

    public VaultHostDirectory(Vault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<SshKey> key(String id) {
        return item(id, SshKey.class);
    }

    @Override
    public Optional<Credential> credential(String id) {
        return item(id, Credential.class);
    }

    @Override
    public Optional<Host> host(String id) {
        return item(id, Host.class);
    }

    private <T> Optional<T> item(String id, Class<T> type) {
        return vault.get(id).map(VaultRecord::item).filter(type::isInstance).map(type::cast);
    }
}
