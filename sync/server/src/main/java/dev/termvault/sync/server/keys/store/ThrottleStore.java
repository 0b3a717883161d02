package dev.termvault.sync.server.keys.store;

import dev.termvault.sync.server.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failed-login counters in the key service's store, so every instance on the store sees the same back-off.
 * A counter is (failures, time of the last failure); one that saw no failure for the forget interval
 * starts again from zero. Each change is one atomic statement (an upsert), safe with concurrent instances.
 */
public final class ThrottleStore {

    /** A counter as stored. */
    public record Counter(int failures, long lastAt) {
    }

    private final Database db;

    public ThrottleStore(Database db) {
        this.db = db;
    }

    /** Counts one failure for {@code key} at {@code now}; a counter last touched before {@code forgetBefore} restarts. */
    public void fail(String key, long now, long forgetBefore) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_throttle (throttle_key, failures,"
                    + " last_at) VALUES (?, 1, ?) ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE WHEN"
                    + " login_throttle.last_at < ? THEN 1 ELSE login_throttle.failures + 1 END,"
                    + " last_at = excluded.last_at")) {
                ps.setString(1, key);
                ps.setLong(2, now);
                ps.setLong(3, forgetBefore);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The counters of those keys that have one. */
    public Map<String, Counter> find(List<String> keys) {
        return db.read(c -> {
            Map<String, Counter> found = new HashMap<>();
            String marks = String.join(", ", keys.stream().map(k -> "?").toList());
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT throttle_key, failures, last_at FROM login_throttle WHERE throttle_key IN (" + marks + ")")) {
                for (int i = 0; i < keys.size(); i++) {
                    ps.setString(i + 1, keys.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Counter(rs.getInt(2), rs.getLong(3)));
                    }
                }
            }
            return found;
        });
    }

    public void reset(String key) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE throttle_key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes counters last touched before {@code before}; returns how many. */
    public int forgetBefore(long before) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE last_at < ?")) {
                ps.setLong(1, before);
                return ps.executeUpdate();
            }
        });
    }
}
