package dev.termvault.vault;

import dev.termvault.vault.internal.AccountKeys;
import dev.termvault.vault.internal.Keyring;
import dev.termvault.vault.internal.RecordCodec;
import dev.termvault.vault.internal.RecordIndex;
import dev.termvault.vault.internal.RecordLoader;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.envelope.RecordAddress;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.internal.store.RecordRow;
import dev.termvault.vault.model.Item;
import dev.termvault.vault.secret.SecretBytes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where unlock-after-KDF spends its time at 10,000 records, one step at a time, each on one thread
 * (unlock itself opens envelopes in parallel; {@code loadParallel} is that step as unlock runs it):
 * read the rows, open the keyring (share + vault key), open every envelope (unwrap DEK + AES-GCM),
 * parse every payload, build the index.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class UnlockBreakdownBenchmark {

    @Param({"10000"})
    public int records;

    private Path dir;
    private Vault vault;
    private AccountRow account;
    private SecretBytes userKey;
    private Keyring keyring;
    private List<RecordRow> rows;
    private List<byte[]> payloads;
    private List<VaultRecord> decoded;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = BenchVaults.create(records);
        vault = Vault.open(dir);
        account = vault.store().account().orElseThrow();
        userKey = AccountKeys.userKey(account, BenchVaults.PASSWORD.toCharArray());
        keyring = AccountKeys.openKeyring(vault.store(), account, userKey);
        rows = vault.store().liveRecords(keyring.vaultId());
        payloads = new ArrayList<>(rows.size());
        decoded = new ArrayList<>(rows.size());
        for (RecordRow row : rows) {
            byte[] payload = Envelopes.open(address(row), keyring, row.envelope());
            payloads.add(payload);
            decoded.add(new VaultRecord(row.recordId().toString(), row.revision(), RecordCodec.decode(payload)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        keyring.destroy();
        userKey.destroy();
        vault.close();
        BenchVaults.delete(dir);
    }

    private RecordAddress address(RecordRow row) {
        return new RecordAddress(keyring.vaultId(), row.recordId(), row.revision());
    }

    @Benchmark
    public int readRows() {
        return vault.store().liveRecords(keyring.vaultId()).size();
    }

    @Benchmark
    public UUID openKeyring() {
        try (Keyring opened = AccountKeys.openKeyring(vault.store(), account, userKey)) {
            return opened.vaultId();
        }
    }

    @Benchmark
    public void openEnvelopes(Blackhole bh) {
        for (RecordRow row : rows) {
            bh.consume(Envelopes.open(address(row), keyring, row.envelope()));
        }
    }

    @Benchmark
    public void parsePayloads(Blackhole bh) throws IOException {
        for (byte[] payload : payloads) {
            Item item = RecordCodec.decode(payload);
            bh.consume(item);
        }
    }

    @Benchmark
    public int buildIndex() {
        RecordIndex index = new RecordIndex(decoded.size());
        decoded.forEach(index::put);
        return index.size();
    }

    @Benchmark
    public int loadParallel() {
        return RecordLoader.load(rows, keyring).size();
    }
}
