package dev.termvault.sync.server;

import dev.termvault.sync.server.http.ApiServer;
import dev.termvault.sync.server.http.HttpSettings;
import dev.termvault.sync.server.keys.MasterKeys;
import dev.termvault.sync.server.metrics.Metrics;
import dev.termvault.sync.server.store.DataFiles;
import dev.termvault.sync.server.store.Database;
import dev.termvault.sync.server.store.DatabaseSettings;
import dev.termvault.sync.server.tls.TlsMaterial;
import dev.termvault.sync.server.tls.TlsMaterials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher: opens each configured role's store, makes the roles, and serves them all on one HTTPS port.
 * {@code server.roles} is {@code all} (every role on the class path), {@code keys}, {@code blobs}, or a
 * comma-separated list.
 */
public final class SyncServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);
    public static final String VERSION = "0.1.0";

    private final List<Role> roles;
    private final List<Database> databases;
    private final ApiServer http;
    private final TlsMaterial tls;
    private final String host;
    private final Peers peers;

    private SyncServer(List<Role> roles, List<Database> databases, ApiServer http, TlsMaterial tls, String host,
                       Peers peers) {
        this.roles = roles;
        this.databases = databases;
        this.http = http;
        this.tls = tls;
        this.host = host;
        this.peers = peers;
    }

    /** Starts the server described by {@code config}; the caller closes it. */
    public static SyncServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static SyncServer start(ServerConfig config, Clock clock) {
        Map<String, RoleFactory> factories = selectFactories(config.get("server.roles", "all"));
        Metrics metrics = new Metrics();
        Peers peers = new Peers();
        List<Role> roles = new ArrayList<>();
        List<Database> databases = new ArrayList<>();
        try {
            DataFiles.prepareFolder(config.dataDir(), MasterKeys.localKeyFile(config));
            for (RoleFactory factory : factories.values()) {
                Database db = Database.open(factory.name(), databaseSettings(config, factory.name()));
                databases.add(db);
                roles.add(factory.create(new RoleContext(factory.name(), config, db, metrics, clock, peers)));
            }
            TlsMaterial tls = tls(config);
            String host = config.get("server.host", "127.0.0.1");
            HttpSettings settings = new HttpSettings(host, config.getInt("server.port", 8443), tls,
                    config.getLong("server.maxBodyBytes", 8L * 1024 * 1024),
                    config.getBoolean("metrics.enabled", true));
            ApiServer http = ApiServer.start(settings, List.copyOf(roles), metrics, VERSION);
            SyncServer server = new SyncServer(List.copyOf(roles), List.copyOf(databases), http, tls, host, peers);
            LOG.info("event=started roles={} port={} tls={}", factories.keySet(), http.port(),
                    tls == null ? "off" : "on");
            return server;
        } catch (Exception e) {
            roles.forEach(SyncServer::closeQuietly);
            databases.forEach(Database::close);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the server could not start: " + e.getMessage(), e);
        }
    }

    private static Map<String, RoleFactory> selectFactories(String spec) {
        Map<String, RoleFactory> available = new LinkedHashMap<>();
        for (RoleFactory f : ServiceLoader.load(RoleFactory.class, SyncServer.class.getClassLoader())) {
            available.put(f.name(), f);
        }
        String wanted = spec.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("all") || wanted.equals("both")) {
            if (available.isEmpty()) {
                throw new IllegalStateException("no server role is on the class path");
            }
            return available;
        }
        Map<String, RoleFactory> selected = new LinkedHashMap<>();
        for (String name : wanted.split(",")) {
            RoleFactory f = available.get(name.strip());
            if (f == null) {
                throw new IllegalArgumentException("unknown role '" + name.strip() + "' (available: "
                        + String.join(", ", available.keySet()) + ")");
            }
            selected.put(f.name(), f);
        }
        return selected;
    }

    /** {@code <role>.db.url} (default: SQLite file {@code <data>/<role>.db}), {@code .user}, {@code .password}. */
    public static DatabaseSettings databaseSettings(ServerConfig config, String role) {
        String url = config.find(role + ".db.url")
                .orElse("jdbc:sqlite:" + config.dataDir().resolve(role + ".db").toAbsolutePath());
        int defaultPool = url.startsWith("jdbc:sqlite:") ? 4 : 10;
        return new DatabaseSettings(url, config.find(role + ".db.user").orElse(null),
                config.find(role + ".db.password").orElse(null), config.getInt(role + ".db.poolSize", defaultPool));
    }

    private static TlsMaterial tls(ServerConfig config) throws IOException, GeneralSecurityException {
        String mode = config.get("tls.mode", "self-signed").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "self-signed" -> TlsMaterials.selfSigned(config.dataDir().resolve("tls"));
            case "pem" -> TlsMaterials.fromPem(Path.of(required(config, "tls.cert")), Path.of(required(config, "tls.key")));
            case "pkcs12" -> TlsMaterials.fromPkcs12(Path.of(required(config, "tls.keystore")),
                    config.get("tls.keystorePassword", "").toCharArray());
            case "off" -> null;
            default -> throw new IllegalArgumentException("tls.mode must be self-signed, pem, pkcs12 or off");
        };
    }

    private static String required(ServerConfig config, String key) {
        return config.find(key).orElseThrow(() -> new IllegalArgumentException("configuration " + key + " is required"));
    }

    public int port() {
        return http.port();
    }

    /** The certificate's SHA-256 fingerprint clients pin, or null when TLS is off. */
    public String fingerprint() {
        return tls == null ? null : tls.fingerprint();
    }

    public URI baseUri() {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create((tls == null ? "http" : "https") + "://" + h + ":" + port());
    }

    public List<Role> roles() {
        return roles;
    }

    /** The in-process links between roles (e.g. the blob role's {@link RevocationListener}). */
    public Peers peers() {
        return peers;
    }

    /**
     * Stops in order, so that nothing fails on the way: no new connections; the roles end their change
     * streams while the HTTP server still runs; the requests in flight finish (a few seconds at most); the
     * HTTP server stops; then the roles and their stores close.
     */
    @Override
    public void close() {
        http.stopAccepting();
        for (Role role : roles) {
            try {
                role.drain();
            } catch (RuntimeException e) {
                LOG.warn("event=role_drain_failed role={} type={}", role.name(), e.getClass().getSimpleName());
            }
        }
        http.awaitIdle(Duration.ofSeconds(5));
        http.close();
        http.awaitIdle(Duration.ofSeconds(2));
        roles.forEach(SyncServer::closeQuietly);
        databases.forEach(Database::close);
        LOG.info("event=stopped");
    }

    private static void closeQuietly(Role role) {
        try {
            role.close();
        } catch (RuntimeException e) {
            LOG.warn("event=role_close_failed role={} type={}", role.name(), e.getClass().getSimpleName());
        }
    }
}
