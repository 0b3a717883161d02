package dev.termvault.app.ssh;

import java.util.Optional;

import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.SshKey;

/** Resolves the records a {@link Host} refers to by record id: its key, its credential and its jump hosts. */
public interface HostDirectory {

    Optional<SshKey> key(String id);

    Optional<Credential> credential(String id);

    Optional<Host> host(String id);
}
