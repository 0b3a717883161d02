package dev.termvault.vault.internal;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.store.RecordRow;
import dev.termvault.vault.internal.store.RotationRow;
import dev.termvault.vault.internal.store.VaultStore;
import dev.termvault.vault.secret.SecretBytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vault-key rotation: start (new key stored and made current, rotation recorded: one transaction), then
 * re-wrap each record's DEK in batches (one transaction each), then finish (old keys deleted once no live
 * envelope uses them, rotation row removed: one transaction). The state on disk after any crash is one
 * of these steps' results, and {@link #rotate()} picks up from it.
 */
public final class KeyRotation {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    /** Records re-wrapped per transaction. */
    public static final int BATCH_SIZE = 200;

    private final VaultStore store;
    private final Keyring keyring;
    private final RecordIndex index;
    private final int batchSize;
    private final int maxBatches;

    public KeyRotation(VaultStore store, Keyring keyring, RecordIndex index) {
        this(store, keyring, index, BATCH_SIZE, Integer.MAX_VALUE);
    }

    /**
     * A rotation that stops (as a crash would) after {@code maxBatches} batches of {@code batchSize}: for
     * tests of the resume path.
     */
    public KeyRotation(VaultStore store, Keyring keyring, RecordIndex index, int batchSize, int maxBatches) {
        this.store = store;
        this.keyring = keyring;
        this.index = index;
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    /** Finishes the rotation in progress, or starts and finishes a new one; returns the current version. */
    public int rotate() {
        RotationRow rotation = store.rotation(keyring.vaultId()).orElseGet(this::start);
        resume(rotation);
        return rotation.toVersion();
    }

    private RotationRow start() {
        UUID vaultId = keyring.vaultId();
        int newVersion = Math.max(Collections.max(keyring.versions()), keyring.currentVersion()) + 1;
        SecretBytes newKey = KeyHierarchy.newVaultKey();
        try {
            byte[] wrapped = KeyWrap.wrap(keyring.accountKey(), newKey, Contexts.vaultKey(vaultId, newVersion));
            RotationRow rotation = new RotationRow(vaultId, keyring.currentVersion(), newVersion);
            store.startRotation(rotation, wrapped);
            keyring.add(newVersion, newKey);
            keyring.makeCurrent(newVersion);
            return rotation;
        } catch (RuntimeException e) {
            newKey.destroy();
            throw e;
        }
    }

    private void resume(RotationRow rotation) {
        UUID vaultId = rotation.vaultId();
        SecretBytes newKey = keyring.vaultKey(rotation.toVersion()).orElseThrow(VaultException.Tampered::new);
        UUID after = null;
        int rewrapped = 0;
        int batches = 0;
        List<RecordRow> batch;
        while (!(batch = store.recordsNotUnder(vaultId, rotation.toVersion(), after, batchSize)).isEmpty()) {
            if (batches++ == maxBatches) {
                return;
            }
            List<RecordRow> updated = new ArrayList<>(batch.size());
            for (RecordRow row : batch) {
                after = row.recordId();
                try {
                    int oldVersion = Envelopes.peek(row.envelope()).vaultKeyVersion();
                    SecretBytes oldKey = keyring.vaultKey(oldVersion).orElseThrow(VaultException.Tampered::new);
                    byte[] envelope = Envelopes.rewrap(row.envelope(), oldKey, rotation.toVersion(), newKey);
                    updated.add(RecordRow.live(row.recordId(), row.revision(), envelope, rotation.toVersion()));
                } catch (VaultException.Tampered | VaultException.UnsupportedFormatVersion e) {
                    LOG.warn("Record {} cannot be re-wrapped; it keeps the old vault key", row.recordId());
                    index.markUnreadable(row.recordId());
                }
            }
            if (!updated.isEmpty()) {
                rewrapped += store.storeRewrapped(vaultId, updated);
            }
        }
        if (store.finishRotation(rotation)) {
            keyring.retainOnly(store.wrappedVaultKeys(vaultId).keySet());
            LOG.info("Vault key rotated to version {} ({} records re-wrapped)", rotation.toVersion(), rewrapped);
        } else {
            LOG.warn("Vault key rotation to version {} left pending: some records still use an older key",
                    rotation.toVersion());
        }
    }
}
