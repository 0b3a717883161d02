package dev.termvault.sync.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The server's configuration: keys like {@code server.port} or {@code blobs.db.url}. A value comes from, in
 * order of precedence: explicit overrides (command-line options), the environment ({@code TERMVAULT_} + the
 * key upper-cased with dots and dashes as underscores, e.g. {@code TERMVAULT_BLOBS_DB_URL}), the
 * configuration file (Java properties), then the default the caller gives. See docs/sync/server.md.
 */
public final class ServerConfig {
    private final Map<String, String> overrides;
    private final Map<String, String> environment;
    private final Map<String, String> file;

    private ServerConfig(Map<String, String> overrides, Map<String, String> environment, Map<String, String> file) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        this.file = Map.copyOf(file);
    }

    /** A configuration from the given sources; {@code configFile} may be null. */
    public static ServerConfig load(Path configFile, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, String> fromFile = new HashMap<>();
        if (configFile != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the configuration file " + configFile, e);
            }
            p.stringPropertyNames().forEach(k -> fromFile.put(k, p.getProperty(k).strip()));
        }
        return new ServerConfig(overrides, environment, fromFile);
    }

    /** A configuration from explicit values only (tests, embedded use). */
    public static ServerConfig of(Map<String, String> values) {
        return new ServerConfig(values, Map.of(), Map.of());
    }

    /** A copy with more overrides on top. */
    public ServerConfig with(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new ServerConfig(merged, environment, file);
    }

    public static String environmentName(String key) {
        return "TERMVAULT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> find(String key) {
        String v = overrides.get(key);
        if (v == null) {
            v = environment.get(environmentName(key));
        }
        if (v == null) {
            v = file.get(key);
        }
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }

    public String get(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return find(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        return find(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return find(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("configuration " + key + " must be true or false");
        }).orElse(defaultValue);
    }

    /** The folder for files the server makes (SQLite stores, the self-signed certificate, key files). */
    public Path dataDir() {
        return Path.of(get("server.data", Path.of(System.getProperty("user.home"), ".termvault", "server").toString()));
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration " + key + " must be a number");
        }
    }

    @Override
    public String toString() {
        return "ServerConfig[" + (overrides.size() + file.size()) + " values]";
    }
}
