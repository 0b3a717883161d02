package dev.termvault.sync.server;

import dev.termvault.sync.server.store.DatabaseSettings;
import dev.termvault.sync.server.store.Dialect;
import dev.termvault.sync.server.store.StoreBackup;
import dev.termvault.sync.server.store.ServerStoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code termvault server backup --to DIR [--role keys|blobs|all] [--config FILE] [--data DIR]}: copies each
 * role's SQLite store into {@code DIR/<role>.db} while the server may keep running (see {@link StoreBackup}).
 * It reads the same configuration as the server, so it finds the stores the server uses. It does not copy
 * the master key or the TLS key: those are kept apart from the store backups (docs/operations.md).
 */
public final class ServerBackup {

    private static final String PREFIX = "termvault server backup: ";

    private ServerBackup() {
    }

    /** Runs the command; returns 0 when every selected store was copied, 2 for bad usage, 1 for a failure. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            err.println(usage());
            return 2;
        }
        if (options.help()) {
            out.println(usage());
            return 0;
        }
        ServerConfig config;
        List<String> roles;
        try {
            config = ServerConfig.load(options.configFile(), environment, options.overrides());
            roles = roles(config.get("server.roles", "all"));
        } catch (IllegalArgumentException e) {
            err.println(PREFIX + e.getMessage());
            return 2;
        }
        if (!createPrivateFolder(options.to(), err) || !copyStores(config, roles, options.to(), out, err)) {
            return 1;
        }
        printNotCopied(config, roles, out);
        return 0;
    }

    /** The command line: where to copy to, and the overrides of the server's configuration it names. */
    private record Options(boolean help, Path to, Path configFile, Map<String, String> overrides) {

        static Options parse(String[] args) {
            Map<String, String> overrides = new HashMap<>();
            Path configFile = null;
            Path to = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> {
                        return new Options(true, null, null, Map.of());
                    }
                    case "--to" -> to = Path.of(value(args, ++i, a));
                    case "--role" -> overrides.put("server.roles", value(args, ++i, a));
                    case "--config" -> configFile = Path.of(value(args, ++i, a));
                    case "--data" -> overrides.put("server.data", value(args, ++i, a));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (to == null) {
                throw new IllegalArgumentException("--to DIR is required");
            }
            return new Options(false, to, configFile, overrides);
        }
    }

    /** Creates {@code to} (readable by its owner only, where the file system has POSIX permissions). */
    private static boolean createPrivateFolder(Path to, PrintStream err) {
        try {
            Files.createDirectories(to);
            try {
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            return true;
        } catch (IOException e) {
            err.println(PREFIX + "cannot create " + to + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Copies each role's store to {@code to}; with several roles, one without a SQLite file here is skipped.
     * False (after saying why) when a copy failed or nothing was copied.
     */
    private static boolean copyStores(ServerConfig config, List<String> roles, Path to, PrintStream out,
            PrintStream err) {
        boolean all = roles.size() > 1;
        int copied = 0;
        for (String role : roles) {
            DatabaseSettings settings = SyncServer.databaseSettings(config, role);
            if (settings.dialect() == Dialect.SQLITE && all
                    && !Files.exists(StoreBackup.sqliteFile(settings.url()))) {
                out.println(role + ": no store in this data folder, skipped");
                continue;
            }
            try {
                StoreBackup.Result r = StoreBackup.sqliteSnapshot(role, settings, to.resolve(role + ".db"));
                out.println(role + ": " + r.file() + " (" + r.bytes() + " bytes, schema at migration "
                        + r.migrations() + ")");
                copied++;
            } catch (ServerStoreException e) {
                err.println(PREFIX + e.getMessage());
                return false;
            }
        }
        if (copied == 0) {
            err.println(PREFIX + "no store found under " + config.dataDir());
            return false;
        }
        return true;
    }

    /** Says what a store backup leaves out, and must be kept apart: the master key and the TLS key. */
    private static void printNotCopied(ServerConfig config, List<String> roles, PrintStream out) {
        if (roles.contains("keys")) {
            String backend = config.get("keys.masterKey", "local");
            out.println("Not copied: the master key (keys.masterKey=" + backend
                    + (backend.equals("local") ? ", " + config.find("keys.masterKey.file")
                    .orElse(config.dataDir().resolve("keys-master.key").toString()) : "")
                    + "). Keep its own backup apart from this one: without it the key store cannot be used.");
        }
        out.println("Not copied: the TLS certificate and key (" + config.dataDir().resolve("tls")
                + " when self-signed); clients pin that certificate.");
    }

    private static List<String> roles(String spec) {
        String wanted = spec.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("all") || wanted.equals("both")) {
            return List.of("keys", "blobs");
        }
        List<String> roles = new ArrayList<>();
        for (String name : wanted.split(",")) {
            String n = name.strip();
            if (!n.equals("keys") && !n.equals("blobs")) {
                throw new IllegalArgumentException("unknown role '" + n + "' (available: keys, blobs)");
            }
            roles.add(n);
        }
        return roles;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    public static String usage() {
        return """
                Usage: termvault server backup --to DIR [--role keys|blobs|all] [--config FILE] [--data DIR]
                  --to      a new or empty folder; each role's SQLite store is copied to DIR/<role>.db
                  --role    which stores (default all: those present)
                  --config  the server's properties file, so the same stores are found
                  --data    the server's data folder
                The server may keep running. PostgreSQL stores: use pg_dump (docs/operations.md).
                The master key and the TLS key are not copied: back them up separately.""";
    }
}
