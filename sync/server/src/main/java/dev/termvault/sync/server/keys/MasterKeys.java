package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.keys.crypto.AwsKmsMasterKey;
import dev.termvault.sync.server.keys.crypto.LocalFileMasterKey;
import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Pkcs11MasterKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Opens the master-key backend named by {@code keys.masterKey} (see docs/security/key-service.md):
 * <ul>
 *   <li>{@code local} (default): {@code keys.masterKey.file}, default {@code <data>/keys-master.key};</li>
 *   <li>{@code pkcs11}: {@code keys.pkcs11.library}, {@code keys.pkcs11.slot} or
 *       {@code keys.pkcs11.slotListIndex}, {@code keys.pkcs11.pin}, {@code keys.pkcs11.label};</li>
 *   <li>{@code aws-kms}: {@code keys.kms.region}, {@code keys.kms.keyIds} (comma-separated, oldest first),
 *       optional {@code keys.kms.endpoint}, {@code keys.kms.accessKeyId} and {@code keys.kms.secretAccessKey}
 *       (else the SDK's default credential chain).</li>
 * </ul>
 */
public final class MasterKeys {

    private MasterKeys() {
    }

    public static MasterKey open(ServerConfig config) throws GeneralSecurityException {
        return open(config, false);
    }

    /**
     * Opens the backend; with {@code storeInUse} (the key store already holds secrets wrapped by a master key)
     * a missing local key file is an error instead of a reason to make a new key, which could not open them.
     */
    /** The local master key file: {@code keys.masterKey.file}, by default {@code <data>/keys-master.key}. */
    public static Path localKeyFile(ServerConfig config) {
        return config.find("keys.masterKey.file").map(Path::of).orElse(config.dataDir().resolve("keys-master.key"));
    }

    public static MasterKey open(ServerConfig config, boolean storeInUse) throws GeneralSecurityException {
        String backend = config.get("keys.masterKey", "local").toLowerCase(Locale.ROOT);
        return switch (backend) {
            case "local" -> {
                Path file = localKeyFile(config);
                if (storeInUse && !Files.exists(file)) {
                    throw new GeneralSecurityException("the key store was set up with a master key, but the master"
                            + " key file " + file + " does not exist: restore the master key file that belongs to"
                            + " this store (docs/operations.md); a new master key could not open its shares");
                }
                yield LocalFileMasterKey.openOrCreate(file);
            }
            case "pkcs11" -> Pkcs11MasterKey.open(new Pkcs11MasterKey.Config(
                    config.get("keys.pkcs11.library", "/usr/lib/softhsm/libsofthsm2.so"),
                    config.getLong("keys.pkcs11.slot", -1), config.getInt("keys.pkcs11.slotListIndex", 0),
                    required(config, "keys.pkcs11.pin").toCharArray(), config.get("keys.pkcs11.label", null)));
            case "aws-kms" -> new AwsKmsMasterKey(new AwsKmsMasterKey.Config(required(config, "keys.kms.region"),
                    config.find("keys.kms.endpoint").map(URI::create).orElse(null),
                    config.find("keys.kms.accessKeyId").orElse(null),
                    config.find("keys.kms.secretAccessKey").orElse(null),
                    Arrays.stream(required(config, "keys.kms.keyIds").split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList()));
            default -> throw new IllegalArgumentException("keys.masterKey must be local, pkcs11 or aws-kms");
        };
    }

    private static String required(ServerConfig config, String key) {
        return config.find(key).orElseThrow(() -> new IllegalArgumentException("configuration " + key
                + " is required for keys.masterKey=" + config.get("keys.masterKey", "local")));
    }
}
