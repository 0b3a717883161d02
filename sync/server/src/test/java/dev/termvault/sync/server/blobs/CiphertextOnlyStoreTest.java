package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.server.support.Backend;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.TestTokens;
import dev.termvault.vault.internal.crypto.CryptoRandom;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.envelope.RecordAddress;
import dev.termvault.vault.secret.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After a synced session of real vault envelopes whose plaintext carries marker hostnames, no marker is in any
 * file of the SQLite store's folder or any table of the PostgreSQL store: the blob service holds ciphertext only.
 */
class CiphertextOnlyStoreTest {
    private static final String[] MARKERS = {"marker-host-7f3a.internal.example", "marker-user-q9z", "MarkerSnippet42"};

    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private BlobServer server;

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void syncedSession_leavesNoPlaintextMarkerInAnyFileOrTable(Backend backend) throws Exception {
        TestTokens tokens = new TestTokens();
        server = new BlobServer(dir, tokens, backend, cleanup, Map.of());
        BlobClient laptop = new BlobClient(server.http(), tokens.access("acct", "laptop"));
        UUID vault = UUID.randomUUID();
        laptop.createVaultOk(vault.toString());
        try (SecretBytes vaultKey = CryptoRandom.secret(32)) {
            List<UUID> records = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                UUID id = UUID.randomUUID();
                records.add(id);
                laptop.push(vault.toString(), put(id.toString(), 0, seal(vault, id, 1, vaultKey, i)));
            }
            laptop.push(vault.toString(), put(records.get(0).toString(), 1, seal(vault, records.get(0), 2, vaultKey, 9)),
                    BlobClient.delete(records.get(1).toString(), 1));
            BlobClient desktop = new BlobClient(server.http(), tokens.access("acct", "desktop"));
            List<Change> pulled = desktop.pull(vault.toString(), 0, 100).changes();
            assertThat(pulled).hasSize(6);
            Change first = pulled.stream().filter(c -> c.recordId().equals(records.get(0).toString())).findFirst().orElseThrow();
            byte[] opened = Envelopes.open(new RecordAddress(vault, records.get(0), 2), v -> java.util.Optional.of(vaultKey),
                    first.envelope());
            assertThat(new String(opened, StandardCharsets.UTF_8)).contains(MARKERS[0]);
        }
        String pgUrl = server.setting("blobs.db.url");
        server.close();
        server = null;

        List<String> found = new ArrayList<>();
        if (backend == Backend.SQLITE) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).forEach(f -> scan(f.toString(), read(f), found));
            }
        } else {
            scanPostgres(pgUrl, found);
        }
        assertThat(found).as("plaintext markers in the store").isEmpty();
        List<String> probe = new ArrayList<>();
        scan("probe", ("x" + MARKERS[1] + "y").getBytes(StandardCharsets.UTF_8), probe);
        assertThat(probe).as("the scan finds a marker where there is one").hasSize(1);
    }

    private static byte[] seal(UUID vault, UUID record, long revision, SecretBytes vaultKey, int n) {
        String payload = "{\"type\":\"host\",\"label\":\"web " + n + "\",\"hostname\":\"" + MARKERS[0]
                + "\",\"username\":\"" + MARKERS[1] + "\",\"snippet\":\"" + MARKERS[2] + "\"}";
        return Envelopes.seal(new RecordAddress(vault, record, revision), 1, vaultKey,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void scanPostgres(String url, List<String> found) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("records", "vaults", "vault_keys");
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] raw = rs.getBytes(i);
                            if (raw != null) {
                                scan(table, raw, found);
                            }
                        }
                    }
                }
            }
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void scan(String where, byte[] haystack, List<String> found) {
        String latin = new String(haystack, StandardCharsets.ISO_8859_1);
        for (String m : MARKERS) {
            if (latin.contains(m) || latin.contains(new String(m.getBytes(StandardCharsets.UTF_16LE),
                    StandardCharsets.ISO_8859_1))) {
                found.add(m + " in " + where);
            }
        }
    }
}
