package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.server.keys.crypto.WrappedKey;

/** An account row. The share is only ever here wrapped by the master key. */
public record AccountRecord(String id, String email, byte[] salt, WireKdfParams kdf, byte[] verifier,
                            WrappedKey wrappedShare, long createdAt) {

    @Override
    public String toString() {
        return "AccountRecord[" + id + ", share " + wrappedShare + "]";
    }
}
