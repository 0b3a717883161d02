package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import dev.termvault.sync.server.keys.crypto.AwsKmsMasterKey;
import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.factor.SecondFactors;
import dev.termvault.sync.server.keys.factor.TotpFactor;
import dev.termvault.sync.server.keys.store.AccountStore;
import dev.termvault.sync.server.keys.store.FactorStore;
import dev.termvault.sync.server.keys.store.SecretStore;
import dev.termvault.sync.server.store.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Key service maintenance, run beside (or instead of) the server with the same configuration:
 * <pre>
 * termvault-server-keys rotate-master-key [--config FILE] [--data DIR]   new master-key version for new wraps
 * termvault-server-keys rewrap-shares     [--config FILE] [--data DIR]   re-wrap every share under the current version
 * termvault-server-keys verify-audit      [--config FILE] [--data DIR]   check every account's audit chain
 * termvault-server-keys invite --email E [--days N] [--config FILE] [--data DIR]   a sign-up invite for E
 * </pre>
 * ({@code termvault server invite ...} runs the last one.)
 * (main class {@code dev.termvault.sync.server.keys.KeysAdmin}). Exit code 0 on success, 1 on a failure
 * (for verify-audit: a broken chain), 2 on a usage error.
 */
public final class KeysAdmin {

    private KeysAdmin() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("--help", "-h").contains(args[0])) {
            out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        ServerConfig config;
        Map<String, String> options = new HashMap<>();
        try {
            config = config(args, environment, options);
        } catch (IllegalArgumentException e) {
            err.println("keys admin: " + e.getMessage());
            err.println(usage());
            return 2;
        }
        try (Database db = Database.open(KeysRoleFactory.NAME, SyncServer.databaseSettings(config, KeysRoleFactory.NAME));
             // As when the role starts: a store that holds secrets never gets a new master key made for it.
             MasterKey masterKey = MasterKeys.open(config,
                     new SecretStore(db).find(ServiceSecrets.SIGNING_KEY).isPresent())) {
            AccountStore accounts = new AccountStore(db, Clock.systemUTC());
            return switch (args[0]) {
                case "rotate-master-key" -> {
                    int version = masterKey.rotate();
                    out.println("master key is now at version " + version + " (" + masterKey.describe() + ")");
                    if (masterKey instanceof AwsKmsMasterKey kms) {
                        out.println("set keys.kms.keyIds=" + String.join(",", kms.keyIds()));
                    }
                    out.println("run rewrap-shares to move existing shares to the new version");
                    yield 0;
                }
                case "rewrap-shares" -> {
                    ShareRewrapper.Result r = new ShareRewrapper(accounts, new SecretStore(db), masterKey).rewrapAll();
                    SecondFactors.Rewrapped f = secondFactors(db, masterKey).rewrapSecrets();
                    int skipped = r.skipped() + f.skipped();
                    out.println("re-wrapped " + r.shares() + " shares and " + r.serviceSecrets()
                            + " service secrets and " + f.moved() + " second-factor secrets under master key version "
                            + masterKey.currentVersion()
                            + (skipped > 0 ? "; " + skipped + " changed meanwhile, run again" : ""));
                    yield skipped > 0 ? 1 : 0;
                }
                case "verify-audit" -> verifyAudit(accounts, out);
                case "invite" -> Invites.issue(db, accounts, masterKey, options, out, err);
                default -> {
                    err.println("keys admin: unknown command " + args[0]);
                    err.println(usage());
                    yield 2;
                }
            };
        } catch (GeneralSecurityException | RuntimeException e) {
            err.println("keys admin: " + args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static SecondFactors secondFactors(Database db, MasterKey masterKey) {
        Secrets secrets = new Secrets();
        return new SecondFactors(new FactorStore(db, Clock.systemUTC()), List.of(new TotpFactor(masterKey, secrets)),
                secrets, Clock.systemUTC());
    }

    private static int verifyAudit(AccountStore accounts, PrintStream out) {
        AuditVerifier verifier = new AuditVerifier(accounts);
        int broken = 0;
        int checked = 0;
        for (String id : accounts.allAccountIds()) {
            checked++;
            Optional<String> problem = verifier.verify(id);
            if (problem.isPresent()) {
                broken++;
                out.println("account " + id + ": " + problem.get());
            }
        }
        out.println(checked + " audit logs checked, " + broken + " broken");
        return broken == 0 ? 0 : 1;
    }

    private static ServerConfig config(String[] args, Map<String, String> environment, Map<String, String> options) {
        Map<String, String> overrides = new HashMap<>();
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            switch (option) {
                case "--config" -> file = Path.of(args[++i]);
                case "--data" -> overrides.put("server.data", args[++i]);
                case "--email", "--days" -> {
                    if (!args[0].equals("invite")) {
                        throw new IllegalArgumentException(option + " belongs to invite");
                    }
                    options.put(option.substring(2), args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (args[0].equals("invite") && !options.containsKey("email")) {
            throw new IllegalArgumentException("invite needs --email");
        }
        return ServerConfig.load(file, environment, overrides);
    }

    static String usage() {
        return """
                Usage: KeysAdmin rotate-master-key|rewrap-shares|verify-audit [--config FILE] [--data DIR]
                       KeysAdmin invite --email EMAIL [--days N] [--config FILE] [--data DIR]
                  rotate-master-key  make a new master-key version; new wraps use it, old versions still unwrap
                  rewrap-shares      re-wrap every share and stored secret under the current version
                  verify-audit       check every account's audit hash chain
                  invite             print a sign-up invite for EMAIL: one use, valid N days (default 7)""";
    }
}
