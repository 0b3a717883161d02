package dev.termvault.app.core.account;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncException;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.vault.Vault;
import dev.termvault.vault.sync.SyncLink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a vault's sync account looks like from this device: the link, this device, the last sync, what waits. */
public final class Account {

    /**
     * The account status.
     *
     * @param linked        whether the vault is linked to a sync account (else only {@code pending} is set)
     * @param vaultId       the linked vault's id
     * @param deviceId      this device's id on the account
     * @param deviceName    this device's name on the account, or null when the server was not asked or not reached
     * @param lastSync      when this device's history last saw a pass move something, or null
     * @param pending       local changes waiting for the server
     * @param cursor        how far this device has pulled the vault's change feed
     * @param serverProblem why the server could not tell this device's name (safe to show), or null
     */
    public record Status(boolean linked, String server, String fingerprint, String email, String accountId,
                         String vaultId, String deviceId, String deviceName, Instant lastSync, int pending,
                         long cursor, String serverProblem) {

        /** The same status, with the reason the server could not be asked. */
        public Status unreachable(String problem) {
            return new Status(linked, server, fingerprint, email, accountId, vaultId, deviceId, deviceName,
                    lastSync, pending, cursor, problem);
        }
    }

    private final Vault vault;

    public Account(Vault vault) {
        this.vault = vault;
    }

    /** What this device knows without the network (the vault may be locked). */
    public Status local() {
        Optional<SyncLink> link = vault.account().syncLink();
        int pending = vault.sync().pendingCount();
        long cursor = vault.sync().cursor();
        if (link.isEmpty()) {
            return new Status(false, null, null, null, null, null, null, null, null, pending, cursor, null);
        }
        SyncLink l = link.get();
        return new Status(true, l.serverUrl(), l.fingerprint(), l.email(), l.accountId(),
                vault.vaultId().toString(), vault.deviceId().toString(), null, lastSync(), pending, cursor, null);
    }

    /** {@link #local()} with this device's name on the account, asked from the server. */
    public Status online(AccountSession session) {
        Status local = local();
        try {
            String name = new Devices(session).list().stream().filter(Devices.Device::current)
                    .map(Devices.Device::name).findFirst().orElse(null);
            return new Status(local.linked(), local.server(), local.fingerprint(), local.email(), local.accountId(),
                    local.vaultId(), session.deviceId(), name, local.lastSync(), local.pending(), local.cursor(),
                    null);
        } catch (SyncException e) {
            return local.unreachable(e.getMessage());
        }
    }

    /** This device's sync history (pulls, pushes, conflicts, errors), oldest first. */
    public SyncHistory history() {
        return SyncHistory.in(vault.directory());
    }

    private Instant lastSync() {
        List<SyncHistory.Entry> entries = history().entries();
        for (SyncHistory.Entry e : entries.reversed()) {
            if (e.kind() != SyncHistory.Kind.ERROR) {
                return e.at();
            }
        }
        return null;
    }
}
