package dev.termvault.app.ssh;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.SshKey;

/** Records by id, in memory. */
final class FakeHostDirectory implements HostDirectory {

    private final Map<String, SshKey> keys = new HashMap<>();
    private final Map<String, Credential> credentials = new HashMap<>();
    private final Map<String, Host> hosts = new HashMap<>();

    FakeHostDirectory key(String id, SshKey key) {
        keys.put(id, key);
        return this;
    }

    FakeHostDirectory host(String id, Host host) {
        hosts.put(id, host);
        return this;
    }

    @Override
    public Optional<SshKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public Optional<Credential> credential(String id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public Optional<Host> host(String id) {
        return Optional.ofNullable(hosts.get(id));
    }
}
