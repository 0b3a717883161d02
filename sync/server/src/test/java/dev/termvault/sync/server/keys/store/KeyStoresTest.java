package dev.termvault.sync.server.keys.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.server.keys.AuditEvent;
import dev.termvault.sync.server.keys.AuditVerifier;
import dev.termvault.sync.server.keys.FakeClock;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.store.Database;
import dev.termvault.sync.server.support.Backend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The key service's stores on SQLite and on PostgreSQL, including tampering with the audit log in place. */
class KeyStoresTest {

    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T10:00:00Z"));
    private Database db;
    private AccountStore accounts;
    private DeviceStore devices;

    private void open(Backend backend) {
        db = Database.open("keys", backend.settings(dir, "keys", cleanup));
        accounts = new AccountStore(db, clock);
        devices = new DeviceStore(db, clock);
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private static AccountRecord account(String id, String email) {
        return new AccountRecord(id, email, new byte[16], new WireKdfParams("argon2id", 65536, 3, 4), new byte[] {7},
                new WrappedKey(1, new byte[] {1, 2, 3}), 1L);
    }

    private static AuditDraft draft(AuditEvent e, String device) {
        return new AuditDraft(e, device, "10.0.0.1", "");
    }

    private void signUpAndUse(String id, String device) {
        AccountStore.Created created = accounts.create(account(id, id + "@x.org"),
                new DeviceRecord(device, id, "Laptop", 1, 1, null), List.of(draft(AuditEvent.SIGNUP, device)));
        assertThat(created).isEqualTo(AccountStore.Created.CREATED);
        assertThat(devices.recordLogin(id, device, "Laptop", new byte[] {1, (byte) id.hashCode()}, Long.MAX_VALUE,
                List.of(draft(AuditEvent.LOGIN, device), draft(AuditEvent.SHARE_RELEASED, device))))
                .isEqualTo(DeviceStore.LoginResult.OK);
        accounts.audit(id, List.of(draft(AuditEvent.LOGIN_FAILED, device)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void accountsDevicesAndTokens_roundTrip(Backend backend) {
        open(backend);
        signUpAndUse("acct-a", "dev-a");

        assertThat(accounts.create(account("acct-b", "acct-a@x.org"), new DeviceRecord("dev-b", "acct-b", "n", 1, 1,
                null), List.of())).isEqualTo(AccountStore.Created.EMAIL_TAKEN);
        assertThat(accounts.create(account("acct-b", "b@x.org"), new DeviceRecord("dev-a", "acct-b", "n", 1, 1,
                null), List.of())).isEqualTo(AccountStore.Created.DEVICE_TAKEN);
        assertThat(accounts.findByEmail("acct-a@x.org")).get().satisfies(a -> {
            assertThat(a.kdf().memoryKib()).isEqualTo(65536);
            assertThat(a.wrappedShare()).isEqualTo(new WrappedKey(1, new byte[] {1, 2, 3}));
        });

        byte[] first = {1, (byte) "acct-a".hashCode()};
        assertThat(devices.rotateRefresh(first, new byte[] {9}, Long.MAX_VALUE)).get()
                .isEqualTo(new DeviceStore.Refreshed("acct-a", "dev-a"));
        assertThat(devices.rotateRefresh(first, new byte[] {10}, Long.MAX_VALUE)).as("used twice").isEmpty();

        assertThat(devices.revoke("acct-a", "dev-a", draft(AuditEvent.DEVICE_REVOKED, "dev-a")))
                .isEqualTo(DeviceStore.RevokeResult.REVOKED);
        assertThat(devices.isActive("acct-a", "dev-a")).isFalse();
        assertThat(devices.rotateRefresh(new byte[] {9}, new byte[] {11}, Long.MAX_VALUE)).isEmpty();
        assertThat(new AuditVerifier(accounts).verify("acct-a")).isEmpty();
        assertThat(accounts.auditHead("acct-a").seq()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void auditVerifier_detectsAnEditedEntryInTheStore(Backend backend) throws Exception {
        open(backend);
        signUpAndUse("acct-a", "dev-a");
        signUpAndUse("acct-b", "dev-b");

        sql("UPDATE audit_log SET address = '192.0.2.66' WHERE account_id = 'acct-a' AND seq = 2");

        assertThat(new AuditVerifier(accounts).verify("acct-a")).hasValue("entry 2 was altered");
        assertThat(new AuditVerifier(accounts).verify("acct-b")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void auditVerifier_detectsADeletedEntryAndADeletedNewestEntry(Backend backend) throws Exception {
        open(backend);
        signUpAndUse("acct-a", "dev-a");
        signUpAndUse("acct-b", "dev-b");

        sql("DELETE FROM audit_log WHERE account_id = 'acct-a' AND seq = 2");
        sql("DELETE FROM audit_log WHERE account_id = 'acct-b' AND seq = 4");

        assertThat(new AuditVerifier(accounts).verify("acct-a")).hasValue("entry 2 is missing");
        assertThat(new AuditVerifier(accounts).verify("acct-b")).get().asString().contains("head is entry 4");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
