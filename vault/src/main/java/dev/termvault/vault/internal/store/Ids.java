package dev.termvault.vault.internal.store;

import java.nio.ByteBuffer;
import java.util.UUID;

/** UUIDs as the 16 big-endian bytes the database stores. */
final class Ids {

    private Ids() {
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    static UUID uuid(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            throw new VaultStoreException("A stored id is damaged");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
