package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.server.keys.AuditChain;
import dev.termvault.sync.server.keys.AuditEntry;
import dev.termvault.sync.server.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Appends chained audit entries inside the caller's transaction, holding the account row while it does. */
final class AuditWriter {

    private AuditWriter() {
    }

    static void append(Connection c, Dialect dialect, String accountId, long now, List<AuditDraft> drafts)
            throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        long seq;
        byte[] head;
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT audit_seq, audit_head FROM accounts WHERE id = ?" + lock)) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no account for the audit entry");
                }
                seq = rs.getLong(1);
                head = rs.getBytes(2);
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit_log (account_id, seq, at, device_id,"
                + " address, event, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditDraft d : drafts) {
                AuditEntry e = AuditChain.next(accountId, seq, head, now, d.deviceId(), d.address(), d.event(),
                        d.detail());
                ins.setString(1, accountId);
                ins.setLong(2, e.seq());
                ins.setLong(3, e.atMillis());
                ins.setString(4, e.deviceId());
                ins.setString(5, e.address());
                ins.setString(6, e.event());
                ins.setString(7, e.detail());
                ins.setBytes(8, e.prevHash());
                ins.setBytes(9, e.hash());
                ins.executeUpdate();
                seq = e.seq();
                head = e.hash();
            }
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE accounts SET audit_seq = ?, audit_head = ? WHERE id = ?")) {
            up.setLong(1, seq);
            up.setBytes(2, head);
            up.setString(3, accountId);
            up.executeUpdate();
        }
    }
}
