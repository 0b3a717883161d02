package dev.termvault.app.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.sync.client.SyncException;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.model.Host;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account use cases against the project's sync server on loopback. */
class AccountUseCasesTest {

    private static final String PASSWORD = "correct horse Battery 9";
    private static final String NEW_PASSWORD = "a brand new Passphrase 4";

    @TempDir
    Path temp;

    private SyncServer server;
    private URI url;
    private AccountSetup setup;

    @BeforeEach
    void startServer() {
        server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "all", "server.data",
                temp.resolve("server").toString(), "server.port", "0", "keys.throttle.addressFailures", "1000")));
        url = server.baseUri();
        setup = new AccountSetup("core test", Duration.ofSeconds(10));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private AccountSetup.Linked createAccount(String email) {
        assertThat(setup.fingerprint(url)).isEqualToIgnoringCase(server.fingerprint());
        AccountSetup.Linked linked = setup.createAccount(temp.resolve("laptop"), url, server.fingerprint(), email,
                PASSWORD.toCharArray(), AccountSetup.FirstSyncWatch.NONE);
        assertThat(linked.secretKey()).startsWith("TV1-");
        assertThat(linked.firstSyncProblem()).isNull();
        return linked;
    }

    @Test
    void signIn_failedOrCancelled_leavesNoVaultFolderBehind() throws Exception {
        AccountSetup.Linked laptop = createAccount("gone@example.org");
        try (Vault vault = laptop.vault()) {
            vault.add(Host.of("web", "web.example.org", 22, "deploy"));
            new SyncPass(vault, laptop.session()).run();
            Path desktop = temp.resolve("desktop");

            assertThatThrownBy(() -> setup.signIn(desktop, url, server.fingerprint(), "gone@example.org",
                    "wrong password 123".toCharArray(), laptop.secretKey(), AccountSetup.FirstSyncWatch.NONE))
                    .isInstanceOf(SyncException.LoginFailed.class);
            assertThat(desktop).as("no half-made vault folder").doesNotExist();

            AtomicBoolean cancel = new AtomicBoolean();
            assertThatThrownBy(() -> setup.signIn(desktop, url, server.fingerprint(), "gone@example.org",
                    PASSWORD.toCharArray(), laptop.secretKey(),
                    new AccountSetup.FirstSyncWatch(fraction -> cancel.set(true), cancel::get)))
                    .isInstanceOf(CancellationException.class);
            assertThat(desktop).as("a cancelled first sync leaves nothing either").doesNotExist();

            Files.createDirectories(desktop);
            Files.writeString(desktop.resolve("notes.txt"), "mine");
            CreatedVault other = AccountSetup.createLocal(temp.resolve("other"), PASSWORD.toCharArray());
            other.vault().close();
            String otherVaultsKey = other.secretKey();
            assertThatThrownBy(() -> setup.signIn(desktop, url, server.fingerprint(), "gone@example.org",
                    PASSWORD.toCharArray(), otherVaultsKey, AccountSetup.FirstSyncWatch.NONE))
                    .isInstanceOf(SyncException.LoginFailed.class);
            assertThat(Files.list(desktop)).as("what was there before stays").extracting(p -> p.getFileName()
                    .toString()).containsExactly("notes.txt");
        } finally {
            laptop.session().client().shutdown();
        }
    }

    @Test
    void createAccount_weakPassword_isRefusedBeforeAnythingIsMade() {
        assertThatThrownBy(() -> setup.createAccount(temp.resolve("laptop"), url, server.fingerprint(),
                "weak@example.org", "password".toCharArray(), AccountSetup.FirstSyncWatch.NONE))
                .isInstanceOf(CoreException.Invalid.class).hasMessage(PasswordPolicy.TOO_EASY);
        assertThat(temp.resolve("laptop")).doesNotExist();
        assertThatThrownBy(() -> AccountSetup.parseServer("http://sync.example.org"))
                .isInstanceOf(CoreException.Invalid.class).hasMessageContaining("https://");
    }

    @Test
    void passwordChangedOnAnotherDevice_isTakenOverByUnlockWithTheNewOne_keepingLocalEdits() {
        AccountSetup.Linked laptop = createAccount("moved@example.org");
        laptop.session().client().shutdown();
        Path desktopDir = temp.resolve("desktop");
        AccountSetup.Linked desktop = setup.signIn(desktopDir, url, server.fingerprint(), "moved@example.org",
                PASSWORD.toCharArray(), laptop.secretKey(), AccountSetup.FirstSyncWatch.NONE);
        desktop.session().client().shutdown();
        desktop.vault().add(Host.of("db", "db.example.org", 22, "ops"));
        desktop.vault().close();

        try (Vault vault = laptop.vault()) {
            assertThat(new MasterPassword(vault, "laptop").change(PASSWORD.toCharArray(),
                    NEW_PASSWORD.toCharArray())).isEqualTo(MasterPassword.Changed.ON_THE_ACCOUNT);
        }

        AccountLogin login = new AccountLogin("desktop");
        try (Vault vault = Vault.open(desktopDir)) {
            login.unlock(vault, PASSWORD.toCharArray());
            assertThatThrownBy(() -> login.logIn(vault, PASSWORD.toCharArray()))
                    .isInstanceOf(SyncException.PasswordChanged.class);
            vault.lock();
            AccountLogin.Unlocked unlocked = login.unlock(vault, NEW_PASSWORD.toCharArray());
            assertThat(unlocked.passwordTakenOver()).isTrue();
            assertThat(unlocked.loggedIn()).isPresent();
            SyncPass.Result pass = new SyncPass(vault, unlocked.session()).run();
            unlocked.session().client().shutdown();
            assertThat(pass.pending()).isZero();
            assertThat(vault.list()).extracting(r -> ((Host) r.item()).label()).containsExactly("db");
        }
        try (Vault vault = Vault.open(desktopDir)) {
            assertThatThrownBy(() -> login.unlock(vault, PASSWORD.toCharArray()))
                    .isInstanceOf(VaultException.WrongPassword.class);
            AccountLogin.LoggedIn in = login.unlockAndLogIn(vault, NEW_PASSWORD.toCharArray());
            assertThat(in.passwordTakenOver()).isFalse();
            in.session().client().shutdown();
        }
    }

    @Test
    void devices_renameAndRevokeByName_refuseThisDevice_andStatusAndHistoryTellWhatHappened() {
        AccountSetup.Linked laptop = createAccount("devices@example.org");
        AccountSetup.Linked desktop = setup.signIn(temp.resolve("desktop"), url, server.fingerprint(),
                "devices@example.org", PASSWORD.toCharArray(), laptop.secretKey(), AccountSetup.FirstSyncWatch.NONE);
        try (Vault vault = laptop.vault(); Vault other = desktop.vault()) {
            Devices devices = new Devices(laptop.session());
            assertThat(devices.list()).hasSize(2).extracting(Devices.Device::name).containsOnly("core test");
            assertThatThrownBy(() -> devices.find("core test")).isInstanceOf(CoreException.Ambiguous.class)
                    .satisfies(e -> assertThat(((CoreException.Ambiguous) e).candidates()).hasSize(2));

            devices.rename(desktop.session().deviceId().substring(0, 8), "Office desktop");
            devices.rename(laptop.session().deviceId(), "Laptop");
            assertThat(devices.find("office DESKTOP").id()).isEqualTo(desktop.session().deviceId());
            assertThatThrownBy(() -> devices.revoke("Laptop")).isInstanceOf(CoreException.Invalid.class)
                    .hasMessageContaining("is this device");
            assertThatThrownBy(() -> devices.revoke("nobody")).isInstanceOf(CoreException.NotFound.class);

            assertThat(devices.revoke("Office desktop").id()).isEqualTo(desktop.session().deviceId());
            assertThat(devices.find("Office desktop").revoked()).isTrue();
            assertThatThrownBy(() -> new SyncPass(other, desktop.session()).run())
                    .isInstanceOf(SyncException.DeviceRevoked.class);

            vault.add(Host.of("web", "web.example.org", 22, "deploy"));
            assertThat(new Account(vault).local().pending()).isEqualTo(1);
            new SyncPass(vault, laptop.session()).run();
            Account.Status status = new Account(vault).online(laptop.session());
            assertThat(status.linked()).isTrue();
            assertThat(status.email()).isEqualTo("devices@example.org");
            assertThat(status.server()).isEqualTo(url.toString());
            assertThat(status.deviceName()).isEqualTo("Laptop");
            assertThat(status.vaultId()).isEqualTo(vault.vaultId().toString());
            assertThat(status.pending()).isZero();
            assertThat(status.lastSync()).isNotNull();
            List<SyncHistory.Entry> history = SyncHistory.in(vault.directory()).entries();
            assertThat(history).extracting(SyncHistory.Entry::kind).contains(SyncHistory.Kind.PUSH);
            assertThat(SyncHistory.in(other.directory()).entries()).last()
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(SyncHistory.Kind.ERROR));
            assertThat(AccountActivity.auditLog(laptop.session())).extracting(AccountActivity.Event::what)
                    .contains("Account created", "Device renamed", "Device revoked");
        } finally {
            laptop.session().client().shutdown();
            desktop.session().client().shutdown();
        }
    }
}
