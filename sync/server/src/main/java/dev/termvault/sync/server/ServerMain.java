package dev.termvault.sync.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ServerMain [--role keys|blobs|all] [--config FILE] [--data DIR] [--port N] [--host H]}: starts the
 * server and prints where it listens and its certificate fingerprint. {@code ServerMain backup --to DIR ...}
 * copies the SQLite stores instead ({@link ServerBackup}); {@code ServerMain invite --email E ...} prints a
 * sign-up invite ({@code KeysAdmin invite}). {@code termvault server} calls {@link #run}.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses options, starts the server and blocks until the process is stopped; returns an exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("backup")) {
            return ServerBackup.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), out, err);
        }
        if (args.length > 0 && args[0].equals("invite")) {
            return dev.termvault.sync.server.keys.KeysAdmin.run(args, System.getenv(), out, err);
        }
        SyncServer server;
        try {
            server = start(args, System.getenv(), out);
        } catch (IllegalArgumentException e) {
            err.println("termvault server: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (RuntimeException e) {
            err.println("termvault server: could not start: " + e.getMessage());
            return 1;
        }
        if (server == null) {
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "termvault-server-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Parses options and starts the server; returns null after printing help. */
    public static SyncServer start(String[] args, Map<String, String> environment, PrintStream out) {
        Map<String, String> overrides = new HashMap<>();
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.println(usage());
                    return null;
                }
                case "--role" -> overrides.put("server.roles", value(args, ++i, a));
                case "--config" -> configFile = Path.of(value(args, ++i, a));
                case "--data" -> overrides.put("server.data", value(args, ++i, a));
                case "--port" -> overrides.put("server.port", value(args, ++i, a));
                case "--host" -> overrides.put("server.host", value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        ServerConfig config = ServerConfig.load(configFile, environment, overrides);
        SyncServer server = SyncServer.start(config);
        out.println("Termvault server " + SyncServer.VERSION + ": roles "
                + String.join(", ", server.roles().stream().map(Role::name).toList()) + " at " + server.baseUri());
        if (server.fingerprint() != null) {
            out.println("Certificate SHA-256 fingerprint: " + server.fingerprint());
        }
        out.flush();
        return server;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    public static String usage() {
        return """
                Usage: termvault server [--role keys|blobs|all] [--config FILE] [--data DIR] [--port N] [--host H]
                       termvault server backup --to DIR [--role R] [--config FILE] [--data DIR]   (--help for more)
                       termvault server invite --email EMAIL [--days N] [--config FILE] [--data DIR]
                  --role    which roles to run (default all: every role this build has)
                  --config  a properties file (see docs/sync/server.md); TERMVAULT_* environment variables override it
                  --data    folder for the SQLite stores, the self-signed certificate and key files
                  --port    HTTPS port (default 8443; 0 picks a free one)
                  --host    address to listen on (default 127.0.0.1)""";
    }
}
