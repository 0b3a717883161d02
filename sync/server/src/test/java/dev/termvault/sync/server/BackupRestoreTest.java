package dev.termvault.sync.server;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.termvault.sync.protocol.blobs.Change;
import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.PushResponse;
import dev.termvault.sync.protocol.blobs.PutVaultKeyRequest;
import dev.termvault.sync.protocol.blobs.VaultInfo;
import dev.termvault.sync.protocol.blobs.VaultKeyList;
import dev.termvault.sync.server.keys.KeysClient;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.support.Postgres;
import dev.termvault.vault.internal.crypto.CryptoRandom;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.envelope.RecordAddress;
import dev.termvault.vault.secret.SecretBytes;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups of a running server, restored into a fresh one, exactly as docs/operations.md tells an operator to do
 * it: the SQLite stores copied with {@code termvault server backup} (and PostgreSQL with pg_dump / pg_restore)
 * while a device keeps pushing; then a new data folder with the copies, the master key file and the TLS folder.
 * After the restore the account logs in, the released share is the same, the wrapped vault key opens under it,
 * and every record acknowledged before the backup opens to its content. A key store restored without its
 * master key refuses to start and says why.
 */
class BackupRestoreTest {
    private static final String EMAIL = "backup@example.org";
    private static final String PASSWORD = "srp-input-of-the-backup-account";
    private static final String DEVICE = "backup-laptop";

    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    @Test
    void sqlite_backupWhileServing_restoresIntoAFreshServer_withLoginAndDataIntact() throws Exception {
        Path live = dir.resolve("live");
        Path backup = dir.resolve("backup");
        SyncServer server = start(live, Map.of());
        Account account = Account.create(server);
        Writer writer = account.startWriter();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked.size() >= 5);
        Map<UUID, byte[]> ackedBeforeBackup = Map.copyOf(account.expected());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ServerMain.run(new String[] {"backup", "--to", backup.toString(), "--data", live.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        int ackedDuringBackup = writer.acked.size();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked.size() >= ackedDuringBackup + 3);
        writer.finish();
        String fingerprint = server.fingerprint();
        server.close();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).contains("keys: ").contains("blobs: ").contains("Not copied: the master key");
        assertThat(writer.errors).as("the server kept serving during the backup").isEmpty();
        assertThat(Files.getPosixFilePermissions(backup.resolve("keys.db")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup.resolve("keys.db"), restored.resolve("keys.db"));
        Files.copy(backup.resolve("blobs.db"), restored.resolve("blobs.db"));
        restoreKeyMaterial(live, restored);
        try (SyncServer again = start(restored, Map.of())) {
            assertThat(again.fingerprint()).as("the restored TLS folder keeps the pinned certificate")
                    .isEqualTo(fingerprint);
            account.checkRestored(again, ackedBeforeBackup);
        }
    }

    @Test
    void sqlite_keyStoreRestoredWithoutItsMasterKey_refusesToStartAndSaysWhy() throws Exception {
        Path live = dir.resolve("live");
        Path backup = dir.resolve("backup");
        try (SyncServer server = start(live, Map.of())) {
            Account.create(server);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ServerMain.run(new String[] {"backup", "--to", backup.toString(), "--data", live.toString(),
                "--role", "keys"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8))).as(out.toString(StandardCharsets.UTF_8)).isZero();

        Path withoutKey = dir.resolve("without-key");
        Files.createDirectories(withoutKey);
        Files.copy(backup.resolve("keys.db"), withoutKey.resolve("keys.db"));
        assertThatThrownBy(() -> start(withoutKey, Map.of("server.roles", "keys")))
                .hasMessageContaining("the master key file").hasMessageContaining("does not exist")
                .hasMessageContaining("restore the master key file that belongs to this store");
        assertThat(withoutKey.resolve("keys-master.key")).as("no new master key is made over a used store")
                .doesNotExist();

        Path other = dir.resolve("other");
        start(other, Map.of("server.roles", "keys")).close();
        Path wrongKey = dir.resolve("wrong-key");
        Files.createDirectories(wrongKey);
        Files.copy(backup.resolve("keys.db"), wrongKey.resolve("keys.db"));
        Files.copy(other.resolve("keys-master.key"), wrongKey.resolve("keys-master.key"));
        assertThatThrownBy(() -> start(wrongKey, Map.of("server.roles", "keys")))
                .hasMessageContaining("do not open with the configured master key");
    }

    @Test
    void backup_refusesAnExistingBackupFileAndAPostgresStore() throws Exception {
        Path live = dir.resolve("live");
        start(live, Map.of()).close();
        Path backup = dir.resolve("backup");
        Files.createDirectories(backup);
        Files.writeString(backup.resolve("keys.db"), "an older backup");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(ServerMain.run(new String[] {"backup", "--to", backup.toString(), "--data", live.toString()}, ps, ps))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("already exists");
        assertThat(Files.readString(backup.resolve("keys.db"))).isEqualTo("an older backup");

        out.reset();
        Path config = dir.resolve("pg.properties");
        Files.writeString(config, "blobs.db.url=jdbc:postgresql://127.0.0.1:5432/anything\n");
        assertThat(ServerMain.run(new String[] {"backup", "--to", dir.resolve("b2").toString(), "--data",
                live.toString(), "--role", "blobs", "--config", config.toString()}, ps, ps)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("on PostgreSQL: back it up with pg_dump");
    }

    @Test
    void postgres_pgDumpWhileServing_restoresIntoNewDatabases_withLoginAndDataIntact() throws Exception {
        Path pgDump = tool("pg_dump");
        Path pgRestore = tool("pg_restore");
        Postgres keysDb = postgres();
        Postgres blobsDb = postgres();
        Path live = dir.resolve("live");
        SyncServer server = start(live, Map.of("keys.db.url", keysDb.url(), "keys.db.user", keysDb.user(),
                "blobs.db.url", blobsDb.url(), "blobs.db.user", blobsDb.user()));
        Account account = Account.create(server);
        Writer writer = account.startWriter();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked.size() >= 5);
        Map<UUID, byte[]> ackedBeforeBackup = Map.copyOf(account.expected());

        Path keysDump = dir.resolve("keys.dump");
        Path blobsDump = dir.resolve("blobs.dump");
        run(pgDump.toString(), "--format=custom", "--host=127.0.0.1", "--username=postgres",
                "--file=" + keysDump, keysDb.name());
        run(pgDump.toString(), "--format=custom", "--host=127.0.0.1", "--username=postgres",
                "--file=" + blobsDump, blobsDb.name());
        int ackedDuringBackup = writer.acked.size();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> writer.acked.size() >= ackedDuringBackup + 3);
        writer.finish();
        String fingerprint = server.fingerprint();
        server.close();
        assertThat(writer.errors).as("the server kept serving during pg_dump").isEmpty();

        Postgres keysDb2 = postgres();
        Postgres blobsDb2 = postgres();
        run(pgRestore.toString(), "--no-owner", "--exit-on-error", "--host=127.0.0.1", "--username=postgres",
                "--dbname=" + keysDb2.name(), keysDump.toString());
        run(pgRestore.toString(), "--no-owner", "--exit-on-error", "--host=127.0.0.1", "--username=postgres",
                "--dbname=" + blobsDb2.name(), blobsDump.toString());
        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        restoreKeyMaterial(live, restored);
        try (SyncServer again = start(restored, Map.of("keys.db.url", keysDb2.url(), "keys.db.user", keysDb2.user(),
                "blobs.db.url", blobsDb2.url(), "blobs.db.user", blobsDb2.user()))) {
            assertThat(again.fingerprint()).isEqualTo(fingerprint);
            account.checkRestored(again, ackedBeforeBackup);
        }
    }

    // ---- the restore steps and the checks

    /** The key material an operator keeps apart from the store backups: the master key file and the TLS folder. */
    private static void restoreKeyMaterial(Path from, Path to) throws IOException {
        Files.copy(from.resolve("keys-master.key"), to.resolve("keys-master.key"), StandardCopyOption.COPY_ATTRIBUTES);
        Path tls = to.resolve("tls");
        Files.createDirectories(tls);
        try (Stream<Path> files = Files.list(from.resolve("tls"))) {
            for (Path f : files.toList()) {
                Files.copy(f, tls.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static SyncServer start(Path data, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(Map.of("server.data", data.toString(), "server.port", "0"));
        settings.putAll(more);
        return SyncServer.start(ServerConfig.of(settings));
    }

    /**
     * One account with one vault: K_user stands for the password side; the vault key is wrapped under
     * K_acct = HKDF(K_user ‖ S) with the share the key service released, as a real device does.
     */
    private static final class Account {
        final SecretBytes userKey = CryptoRandom.secret(32);
        final SecretBytes vaultKey = KeyHierarchy.newVaultKey();
        final UUID vault = UUID.randomUUID();
        final Map<UUID, byte[]> payloads = new ConcurrentHashMap<>();
        final byte[] share;
        final BlobClient blobs;

        private Account(byte[] share, BlobClient blobs) {
            this.share = share;
            this.blobs = blobs;
        }

        static Account create(SyncServer server) throws Exception {
            PinnedHttp http = new PinnedHttp(server.baseUri(), server.fingerprint());
            KeysClient keys = new KeysClient(http);
            assertThat(keys.signup(EMAIL, PASSWORD, DEVICE).statusCode()).isEqualTo(201);
            KeysClient.Session session = keys.login(EMAIL, PASSWORD, DEVICE);
            Account a = new Account(session.share(), new BlobClient(http, session.token()));
            a.blobs.createVaultOk(a.vault.toString());
            try (SecretBytes accountKey = KeyHierarchy.accountKey(a.userKey, SecretBytes.copyOf(a.share))) {
                byte[] wrapped = KeyWrap.wrap(accountKey, a.vaultKey, a.keyContext());
                assertThat(http.sendJson("PUT", "/v1/vaults/" + a.vault + "/keys/1", session.token(),
                        new PutVaultKeyRequest(wrapped)).statusCode()).isEqualTo(201);
            }
            for (int i = 0; i < 10; i++) {
                a.pushNew("host " + i);
            }
            return a;
        }

        byte[] keyContext() {
            return ("termvault/v1/vault-key|" + vault).getBytes(StandardCharsets.UTF_8);
        }

        Map<UUID, byte[]> expected() {
            return payloads;
        }

        UUID pushNew(String label) {
            UUID id = UUID.randomUUID();
            byte[] payload = ("{\"type\":\"host\",\"label\":\"" + label + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] envelope = Envelopes.seal(new RecordAddress(vault, id, 1), 1, vaultKey, payload);
            PushResponse r = blobs.push(vault.toString(), put(id.toString(), 0, envelope));
            assertThat(r.results().getFirst().status()).isEqualTo("applied");
            payloads.put(id, payload);
            return id;
        }

        Writer startWriter() {
            Writer w = new Writer(this);
            w.start();
            return w;
        }

        /** Logs in on the restored server and checks the share, the vault key and every record. */
        void checkRestored(SyncServer restored, Map<UUID, byte[]> ackedBeforeBackup) throws Exception {
            PinnedHttp http = new PinnedHttp(restored.baseUri(), restored.fingerprint());
            KeysClient.Session session = new KeysClient(http).login(EMAIL, PASSWORD, "restored-desktop");
            assertThat(session.share()).as("the same service share is released").isEqualTo(share);

            HttpResponse<String> keys = http.get("/v1/vaults/" + vault + "/keys", session.token());
            assertThat(keys.statusCode()).isEqualTo(200);
            byte[] wrapped = PinnedHttp.read(keys, VaultKeyList.class).keys().getFirst().wrappedKey();
            try (SecretBytes accountKey = KeyHierarchy.accountKey(userKey, SecretBytes.copyOf(session.share()));
                 SecretBytes opened = KeyWrap.unwrap(accountKey, wrapped, keyContext())) {
                assertThat(opened).isEqualTo(vaultKey);
            }

            BlobClient desktop = new BlobClient(http, session.token());
            Map<UUID, Change> pulled = new HashMap<>();
            long after = 0;
            long maxSeq = 0;
            ChangePage page;
            do {
                page = desktop.pull(vault.toString(), after, 50);
                for (Change c : page.changes()) {
                    pulled.put(UUID.fromString(c.recordId()), c);
                    maxSeq = Math.max(maxSeq, c.seq());
                }
                after = page.cursor();
            } while (page.hasMore());
            assertThat(pulled.keySet()).as("every record acknowledged before the backup is there")
                    .containsAll(ackedBeforeBackup.keySet());
            assertThat(payloads.keySet()).as("nothing that was never acknowledged").containsAll(pulled.keySet());
            for (Map.Entry<UUID, Change> e : pulled.entrySet()) {
                byte[] plain = Envelopes.open(new RecordAddress(vault, e.getKey(), 1), v -> Optional.of(vaultKey),
                        e.getValue().envelope());
                assertThat(plain).isEqualTo(payloads.get(e.getKey()));
            }
            VaultInfo info = PinnedHttp.read(http.get("/v1/vaults/" + vault, session.token()), VaultInfo.class);
            assertThat(info.cursor()).as("the vault's cursor matches its records").isEqualTo(maxSeq);

            BlobClient writes = new BlobClient(http, session.token());
            UUID id = UUID.randomUUID();
            PushResponse r = writes.push(vault.toString(), put(id.toString(), 0, Envelopes.seal(
                    new RecordAddress(vault, id, 1), 1, vaultKey, "{\"type\":\"host\"}".getBytes(StandardCharsets.UTF_8))));
            assertThat(r.results().getFirst().seq()).as("new pushes continue after the restored cursor")
                    .isGreaterThan(maxSeq);
        }
    }

    /** A device that keeps pushing new records until stopped. */
    private static final class Writer extends Thread {
        final Account account;
        final List<UUID> acked = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        volatile boolean running = true;

        Writer(Account account) {
            super("backup-test-writer");
            this.account = account;
            setDaemon(true);
        }

        @Override
        public void run() {
            int n = 0;
            while (running) {
                try {
                    acked.add(account.pushNew("written while serving " + n++));
                } catch (Throwable t) {
                    errors.add(t);
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    // ---- tools

    private Postgres postgres() {
        Postgres pg = Postgres.create();
        cleanup.add(pg);
        return pg;
    }

    private static Path tool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String notice = name + " is not installed: the PostgreSQL backup and restore test cannot run";
        if ("true".equals(System.getenv("CI"))) {
            fail(notice);
        }
        System.err.println("SKIPPED: " + notice);
        assumeTrue(false, notice);
        return null;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
