package dev.termvault.app.cli;

import dev.termvault.sync.client.AccountSession;
import dev.termvault.sync.client.SyncClient;
import dev.termvault.sync.client.Synchronizer;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code termvault account signup|login}: link this vault to a sync account. */
@Command(name = "account", description = "Link this vault to a sync account.",
        subcommands = {AccountCommand.Signup.class, AccountCommand.Login.class})
final class AccountCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options naming the server. */
    static final class ServerOptions {
        @Option(names = "--server", required = true, description = "The sync server, https://host:port")
        URI server;

        @Option(names = "--fingerprint", required = true,
                description = "The SHA-256 fingerprint the server printed (its certificate is pinned to it).")
        String fingerprint;

        @Option(names = "--email", required = true, description = "The account's email address.")
        String email;

        SyncClient client() {
            try {
                return SyncClient.builder(server, fingerprint).deviceName("termvault cli").build();
            } catch (IllegalArgumentException e) {
                throw CliException.usage("Bad --server or --fingerprint: " + e.getMessage());
            }
        }
    }

    @Command(name = "signup", description = "Create a sync account for this vault and upload it (encrypted).")
    static final class Signup implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ServerOptions server;

        @Spec
        private CommandSpec spec;

        private final VaultAccess access;

        Signup(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() {
            char[] password = null;
            try (Vault vault = access.openLocked()) {
                password = access.password("Master password: ");
                vault.unlock(password.clone());
                char[] again = password.clone();
                SyncClient client = server.client();
                try {
                    AccountSession session = SyncAccess.guard(() -> client.signUp(vault, server.email, again));
                    SyncAccess.guard(() -> {
                        new Synchronizer(vault, session).syncOnce();
                        return null;
                    });
                } finally {
                    client.shutdown();
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("Signed up as " + server.email + "; " + vault.list().size()
                        + " record(s) uploaded, encrypted.");
                out.flush();
                return ExitCodes.OK;
            } finally {
                VaultAccess.wipe(password);
            }
        }
    }

    @Command(name = "login", description = {"Log in to the sync account.",
        "With no vault in the folder yet, brings the account's vault to this device (asks for the Secret Key)."})
    static final class Login implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--secret-key-env", paramLabel = "NAME",
                description = "Read the Secret Key from this environment variable (else it is asked).")
        String secretKeyEnv;

        @Spec
        private CommandSpec spec;

        private final VaultAccess access;
        private final CliContext context;

        Login(VaultAccess access, CliContext context) {
            this.access = access;
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (Vault.exists(access.vaultDirectory())) {
                try (SyncAccess.Linked linked = SyncAccess.login(access)) {
                    out.println("Logged in as " + linked.session().email() + ".");
                    out.flush();
                    return ExitCodes.OK;
                }
            }
            char[] password = access.password("Master password: ");
            String secretKey = secretKeyEnv != null ? context.environment().get(secretKeyEnv)
                    : new String(context.passwordReader().readPassword("Secret Key (from the Emergency Kit): "));
            if (secretKey == null) {
                throw CliException.usage("The environment variable " + secretKeyEnv + " is not set.");
            }
            SyncClient client = server.client();
            try {
                SyncClient.Joined joined = SyncAccess.guard(() -> client.join(access.vaultDirectory(), server.email,
                        password, secretKey));
                try (Vault vault = joined.vault()) {
                    SyncAccess.guard(() -> {
                        new Synchronizer(vault, joined.session()).syncOnce();
                        return null;
                    });
                    out.println("Logged in as " + server.email + "; " + vault.list().size()
                            + " record(s) brought to this device.");
                    out.flush();
                }
                return ExitCodes.OK;
            } finally {
                client.shutdown();
                VaultAccess.wipe(password);
            }
        }
    }
}
