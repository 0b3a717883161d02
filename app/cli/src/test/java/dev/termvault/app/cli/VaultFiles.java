package dev.termvault.app.cli;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Damages a vault's database the way an attacker with the file could, for tests. */
final class VaultFiles {

    private VaultFiles() {
    }

    /** Flips the last byte (inside the GCM tag) of the record's envelope in {@code dir/vault.db}. */
    static void flipLastEnvelopeByte(Path dir, String recordId) throws SQLException {
        UUID id = UUID.fromString(recordId);
        byte[] idBytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vault.db"))) {
            byte[] envelope;
            try (PreparedStatement read = c.prepareStatement("SELECT envelope FROM record WHERE record_id = ?")) {
                read.setBytes(1, idBytes);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no record " + recordId + " in " + dir);
                    }
                    envelope = rs.getBytes(1);
                }
            }
            envelope[envelope.length - 1] ^= 0x01;
            try (PreparedStatement write = c.prepareStatement("UPDATE record SET envelope = ? WHERE record_id = ?")) {
                write.setBytes(1, envelope);
                write.setBytes(2, idBytes);
                if (write.executeUpdate() != 1) {
                    throw new IllegalStateException("record " + recordId + " was not updated");
                }
            }
        }
    }
}
