package dev.termvault.vault;

import dev.termvault.vault.internal.AccountKeys;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Unlocking a vault of 10,000 and 100,000 host records, with the key derivation timed apart:
 * <ul>
 *   <li>{@code kdf}: Argon2id (64 MiB, t=3, p=4) plus the Secret Key HKDF, i.e. K_user from the password.</li>
 *   <li>{@code unlockAfterKdf}: everything after K_user: unwrap the service share and vault key, read every
 *       record row from SQLite, unwrap each DEK, decrypt, parse the JSON and build the index. Uses the vault's
 *       package-private {@code unlockWithUserKey} seam, which is why this class lives in the vault's package.</li>
 *   <li>{@code unlockTotal}: what a person waits for: open the folder, {@code unlock(password)}, close.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VaultUnlockBenchmark {

    @Param({"10000", "100000"})
    public int records;

    private Path dir;
    private Vault vault;
    private AccountRow account;
    private SecretBytes userKey;

    @Setup(Level.Trial)
    public void setUp() {
        dir = BenchVaults.create(records);
        vault = Vault.open(dir);
        account = vault.store().account().orElseThrow();
        userKey = AccountKeys.userKey(account, BenchVaults.PASSWORD.toCharArray());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        userKey.destroy();
        vault.close();
        BenchVaults.delete(dir);
    }

    @Benchmark
    public int kdf() {
        try (SecretBytes key = AccountKeys.userKey(account, BenchVaults.PASSWORD.toCharArray())) {
            return key.length();
        }
    }

    @Benchmark
    public int unlockAfterKdf() {
        vault.unlockWithUserKey(userKey);
        int size = vault.lastUnlockStats().orElseThrow().records();
        vault.lock();
        if (size != records) {
            throw new IllegalStateException("expected " + records + " records, unlocked " + size);
        }
        return size;
    }

    @Benchmark
    public int unlockTotal() {
        try (Vault opened = Vault.open(dir)) {
            opened.unlock(BenchVaults.PASSWORD.toCharArray());
            return opened.lastUnlockStats().orElseThrow().records();
        }
    }
}
