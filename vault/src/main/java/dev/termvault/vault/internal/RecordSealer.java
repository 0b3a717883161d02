package dev.termvault.vault.internal;

import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.envelope.RecordAddress;
import dev.termvault.vault.internal.store.RecordRow;
import java.util.Arrays;
import java.util.UUID;

/** Seals one record version: its JSON payload in a fresh envelope under the current vault key. */
public final class RecordSealer {

    private RecordSealer() {
    }

    public static RecordRow seal(Keyring keyring, VaultRecord record) {
        UUID recordId = UUID.fromString(record.id());
        byte[] payload = RecordCodec.encode(record.item());
        try {
            if (payload.length > Envelopes.MAX_PAYLOAD_LENGTH) {
                throw new IllegalArgumentException("This item is too large to store (" + payload.length + " bytes)");
            }
            int version = keyring.currentVersion();
            byte[] envelope = Envelopes.seal(new RecordAddress(keyring.vaultId(), recordId, record.revision()),
                    version, keyring.currentKey(), payload);
            return RecordRow.live(recordId, record.revision(), envelope, version);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }
}
