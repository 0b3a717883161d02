package dev.termvault.app.cli;

import dev.termvault.app.core.account.AccountLogin;
import dev.termvault.app.core.account.AccountSetup;
import dev.termvault.vault.Vault;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code termvault account signup|login|status}: link this vault to a sync account. */
@Command(name = "account", description = "Link this vault to a sync account.",
        subcommands = {AccountCommand.Signup.class, AccountCommand.Login.class, AccountStatusCommand.class})
final class AccountCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static AccountSetup setup() {
        return new AccountSetup(SyncAccess.DEVICE_NAME, Duration.ofSeconds(30));
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
    }

    /** The first sync did not finish: the link stays, the next {@code termvault sync} resumes it. */
    static CliException firstSyncUnfinished(String done, AccountSetup.Linked linked) {
        return CliException.failed(done + ", but the first sync did not finish: " + linked.firstSyncProblem()
                + ". Run termvault sync to finish it.");
    }

    @Command(name = "signup", description = "Create a sync account for this vault and upload it (encrypted).")
    static final class Signup implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ServerOptions server;

        @Option(names = "--code", paramLabel = "CODE",
                description = "The sign-up code the server asks for: an invite from its operator, or the code it"
                        + " mailed to the email address.")
        String code;

        @Spec
        private CommandSpec spec;

        private final VaultAccess access;

        Signup(VaultAccess access) {
            this.access = access;
        }

        @Override
        public Integer call() {
            try (Vault vault = access.openLocked()) {
                char[] password = access.password("Master password: ");
                char[] again = password.clone();
                new AccountLogin(SyncAccess.DEVICE_NAME).unlock(vault, password);
                AccountSetup.Linked linked = SyncAccess.guard(() -> setup().attach(vault, server.server,
                        server.fingerprint, server.email, again, AccountSetup.FirstSyncWatch.NONE, code));
                linked.session().client().shutdown();
                if (linked.firstSyncProblem() != null) {
                    throw firstSyncUnfinished("Signed up as " + server.email, linked);
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("Signed up as " + server.email + "; " + linked.firstSync().records()
                        + " record(s) uploaded, encrypted.");
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "login", description = {"Log in to the sync account.",
        "With no vault in the folder yet, brings the account's vault to this device (asks for the Secret Key);"
            + " if that fails, nothing is left in the folder."})
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
                VaultAccess.wipe(password);
                throw CliException.usage("The environment variable " + secretKeyEnv + " is not set.");
            }
            AccountSetup.Linked linked = SyncAccess.guard(() -> setup().signIn(access.vaultDirectory(),
                    server.server, server.fingerprint, server.email, password, secretKey,
                    AccountSetup.FirstSyncWatch.NONE));
            try (Vault vault = linked.vault()) {
                linked.session().client().shutdown();
                if (linked.firstSyncProblem() != null) {
                    throw firstSyncUnfinished("Logged in as " + server.email, linked);
                }
                out.println("Logged in as " + server.email + "; " + linked.firstSync().records()
                        + " record(s) brought to this device.");
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
