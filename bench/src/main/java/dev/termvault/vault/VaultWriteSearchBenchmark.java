package dev.termvault.vault;

import dev.termvault.vault.model.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing 10,000 records into an empty, unlocked vault (each {@code put} is its own transaction, committed
 * with synchronous=FULL; {@code putAll} is one transaction), and one search query over 10,000 records.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class VaultWriteSearchBenchmark {

    static final int RECORDS = 10_000;

    /** A fresh empty vault for every measured put. */
    @State(Scope.Thread)
    public static class EmptyVault {
        Path dir;
        Vault vault;
        final List<Item> items = BenchVaults.hosts(RECORDS, "new");

        @Setup(Level.Invocation)
        public void setUp() throws IOException {
            dir = Files.createTempDirectory("termvault-bench");
            vault = Vault.createLocal(dir, BenchVaults.PASSWORD.toCharArray()).vault();
        }

        @TearDown(Level.Invocation)
        public void tearDown() {
            vault.close();
            BenchVaults.delete(dir);
        }
    }

    /** An unlocked vault of 10,000 hosts. */
    @State(Scope.Benchmark)
    public static class FullVault {
        Path dir;
        Vault vault;

        @Setup(Level.Trial)
        public void setUp() {
            dir = BenchVaults.create(RECORDS);
            vault = Vault.open(dir);
            vault.unlock(BenchVaults.PASSWORD.toCharArray());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            vault.close();
            BenchVaults.delete(dir);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int put10000OneByOne(EmptyVault state) {
        for (Item item : state.items) {
            state.vault.add(item);
        }
        return state.vault.list().size();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public int put10000InOneTransaction(EmptyVault state) {
        return state.vault.addAll(state.items).size();
    }

    /** Two words that must both occur: a data centre and a user; 1 record in 40 matches (250). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public int search(FullVault state) {
        return state.vault.search("dc15 deploy").size();
    }
}
