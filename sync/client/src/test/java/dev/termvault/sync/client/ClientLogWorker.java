package dev.termvault.sync.client;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ClientLogHygieneTest}, with the client's loggers at debug level: signs up a
 * vault whose hosts carry marker names, syncs, joins a second device and syncs again, then prints the values
 * that must not appear in the logs (the Secret Key) on standard output.
 */
public final class ClientLogWorker {
    static final String PASSWORD = "log-hygiene correct horse";
    static final String EMAIL = "log-marker-user@example.org";
    static final String HOST_MARKER = "log-marker-host.internal";
    static final String USER_MARKER = "log-marker-login";

    private ClientLogWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (TestServer server = new TestServer(dir.resolve("server"))) {
            CreatedVault created = Vault.createLocal(dir.resolve("laptop"), PASSWORD.toCharArray());
            try (Vault laptop = created.vault()) {
                laptop.add(Host.of("web", HOST_MARKER, 22, USER_MARKER));
                Synchronizer laptopSync = new Synchronizer(laptop, server.client().build()
                        .signUp(laptop, EMAIL, PASSWORD.toCharArray()));
                laptopSync.syncOnce();
                SyncClient.Joined joined = server.client().build()
                        .join(dir.resolve("desktop"), EMAIL, PASSWORD.toCharArray(), created.secretKey());
                try (Vault desktop = joined.vault()) {
                    Synchronizer desktopSync = new Synchronizer(desktop, joined.session());
                    desktopSync.syncOnce();
                    desktop.update(desktop.list().get(0).id(), Host.of("web", HOST_MARKER, 2222, USER_MARKER));
                    desktopSync.syncOnce();
                    laptopSync.syncOnce();
                }
            }
            System.out.println("SECRET-KEY " + created.secretKey());
        }
    }
}
