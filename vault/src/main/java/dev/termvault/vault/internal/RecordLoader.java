package dev.termvault.vault.internal;

import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.envelope.RecordAddress;
import dev.termvault.vault.internal.envelope.VaultKeyResolver;
import dev.termvault.vault.internal.store.RecordRow;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Opens and parses every live record at unlock. Envelopes are independent, so they are opened in
 * parallel (the common fork-join pool); a record that fails to open or parse is recorded as unreadable
 * and the others load normally.
 */
public final class RecordLoader {

    private RecordLoader() {
    }

    public static RecordIndex load(List<RecordRow> rows, Keyring keyring) {
        UUID vaultId = keyring.vaultId();
        Object[] results = new Object[rows.size()];
        IntStream indices = IntStream.range(0, rows.size());
        if (rows.size() >= RecordIndex.PARALLEL_THRESHOLD) {
            indices = indices.parallel();
        }
        indices.forEach(i -> results[i] = open(vaultId, keyring, rows.get(i)));
        RecordIndex index = new RecordIndex(rows.size());
        for (Object result : results) {
            if (result instanceof VaultRecord record) {
                index.put(record);
            } else {
                index.markUnreadable((UUID) result);
            }
        }
        return index;
    }

    /** The record, or its id when it does not open. */
    private static Object open(UUID vaultId, VaultKeyResolver keys, RecordRow row) {
        byte[] payload = null;
        try {
            payload = Envelopes.open(new RecordAddress(vaultId, row.recordId(), row.revision()), keys, row.envelope());
            return new VaultRecord(row.recordId().toString(), row.revision(), RecordCodec.decode(payload));
        } catch (VaultException.Tampered | VaultException.UnsupportedFormatVersion | IOException e) {
            return row.recordId();
        } finally {
            if (payload != null) {
                Arrays.fill(payload, (byte) 0);
            }
        }
    }
}
