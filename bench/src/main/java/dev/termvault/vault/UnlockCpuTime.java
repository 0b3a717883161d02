package dev.termvault.vault;

import com.sun.management.OperatingSystemMXBean;
import dev.termvault.vault.internal.AccountKeys;
import dev.termvault.vault.internal.Keyring;
import dev.termvault.vault.internal.RecordCodec;
import dev.termvault.vault.internal.RecordIndex;
import dev.termvault.vault.internal.envelope.Envelopes;
import dev.termvault.vault.internal.envelope.RecordAddress;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.internal.store.RecordRow;
import dev.termvault.vault.secret.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU time, not wall time, of unlock at a given size: a companion to {@link VaultUnlockBenchmark} for a machine
 * shared with other work, where wall time mostly measures waiting for a core. Process CPU time includes every
 * thread (the parallel envelope opening, GC, JIT), so it is an upper bound of the work; on an idle machine
 * with N cores, wall time is at least CPU time / N.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.termvault.vault.UnlockCpuTime [records] [runs]</pre>
 */
public final class UnlockCpuTime {

    private UnlockCpuTime() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = BenchVaults.create(records);
        try (Vault vault = Vault.open(dir)) {
            AccountRow account = vault.store().account().orElseThrow();
            for (int i = 0; i < runs; i++) { // warm-up: let the JIT compile the unlock path
                measure(os, vault, account);
            }
            double[] kdf = new double[2];
            double[] rest = new double[2];
            for (int i = 0; i < runs; i++) {
                double[][] one = measure(os, vault, account);
                kdf[0] += one[0][0] / runs;
                kdf[1] += one[0][1] / runs;
                rest[0] += one[1][0] / runs;
                rest[1] += one[1][1] / runs;
            }
            System.out.printf(Locale.ROOT, "records=%d runs=%d cores=%d load=%.1f%n", records, runs,
                    Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "kdf:            wall %8.1f ms   process CPU %8.1f ms%n", kdf[0], kdf[1]);
            System.out.printf(Locale.ROOT, "unlockAfterKdf: wall %8.1f ms   process CPU %8.1f ms%n", rest[0], rest[1]);
            searchAndSteps(os, vault, account, runs);
        } finally {
            BenchVaults.delete(dir);
        }
    }

    /**
     * After unlock: the first search (which builds every record's search text), a later search, and each step
     * of unlock-after-KDF alone on one thread, in CPU time.
     */
    private static void searchAndSteps(OperatingSystemMXBean os, Vault vault, AccountRow account, int runs) {
        try (SecretBytes userKey = AccountKeys.userKey(account, BenchVaults.PASSWORD.toCharArray())) {
            double[] search = searchTimes(os, vault, userKey, runs);
            double[] steps = stepTimes(vault, account, userKey, runs);
            System.out.printf(Locale.ROOT, "one thread CPU: read rows %.1f ms, open envelopes %.1f ms, parse %.1f ms, "
                    + "build index %.1f ms%n", steps[0], steps[1], steps[2], steps[3]);
            System.out.printf(Locale.ROOT, "first search:   wall %8.2f ms   process CPU %8.2f ms%n", search[0], search[1]);
            System.out.printf(Locale.ROOT, "later search:   wall %8.3f ms   process CPU %8.3f ms%n", search[2], search[3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {first search wall, its process CPU, later search wall, its process CPU} in milliseconds, averaged over
     * {@code runs} unlocks after as many warm-up ones.
     */
    private static double[] searchTimes(OperatingSystemMXBean os, Vault vault, SecretBytes userKey, int runs) {
        double[] times = new double[4];
        int queries = 100;
        for (int round = 0; round < 2 * runs; round++) {
            vault.unlockWithUserKey(userKey);
            long wall0 = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            int found = vault.search("dc15 deploy").size();
            long wall1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            for (int q = 0; q < queries; q++) {
                found += vault.search(q % 2 == 0 ? "dc15 deploy" : "host-00 prod").size();
            }
            long wall2 = System.nanoTime();
            long cpu2 = os.getProcessCpuTime();
            vault.lock();
            if (found == 0) {
                throw new IllegalStateException("the searches found nothing");
            }
            if (round >= runs) {
                times[0] += (wall1 - wall0) / 1e6 / runs;
                times[1] += (cpu1 - cpu0) / 1e6 / runs;
                times[2] += (wall2 - wall1) / 1e6 / runs / queries;
                times[3] += (cpu2 - cpu1) / 1e6 / runs / queries;
            }
        }
        return times;
    }

    /**
     * One thread, each step of unlock-after-KDF alone: {read rows, open envelopes, parse, build the index} in
     * milliseconds of this thread's CPU time, averaged over {@code runs} rounds after as many warm-up ones.
     */
    private static double[] stepTimes(Vault vault, AccountRow account, SecretBytes userKey, int runs)
            throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] steps = new double[4];
        try (Keyring keyring = AccountKeys.openKeyring(vault.store(), account, userKey)) {
            for (int round = 0; round < 2 * runs; round++) {
                long t0 = threads.getCurrentThreadCpuTime();
                List<RecordRow> rows = vault.store().liveRecords(keyring.vaultId());
                long t1 = threads.getCurrentThreadCpuTime();
                List<byte[]> payloads = new ArrayList<>(rows.size());
                for (RecordRow row : rows) {
                    payloads.add(Envelopes.open(new RecordAddress(keyring.vaultId(), row.recordId(),
                            row.revision()), keyring, row.envelope()));
                }
                long t2 = threads.getCurrentThreadCpuTime();
                List<VaultRecord> decoded = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    decoded.add(new VaultRecord(rows.get(i).recordId().toString(), rows.get(i).revision(),
                            RecordCodec.decode(payloads.get(i))));
                }
                long t3 = threads.getCurrentThreadCpuTime();
                RecordIndex index = new RecordIndex(decoded.size());
                decoded.forEach(index::put);
                long t4 = threads.getCurrentThreadCpuTime();
                if (round >= runs) {
                    long[] t = {t0, t1, t2, t3, t4};
                    for (int k = 0; k < steps.length; k++) {
                        steps[k] += (t[k + 1] - t[k]) / 1e6 / runs;
                    }
                }
            }
        }
        return steps;
    }

    /** {{kdf wall, kdf cpu}, {after-kdf wall, after-kdf cpu}} in milliseconds. */
    private static double[][] measure(OperatingSystemMXBean os, Vault vault, AccountRow account) {
        long wall0 = System.nanoTime();
        long cpu0 = os.getProcessCpuTime();
        try (SecretBytes userKey = AccountKeys.userKey(account, BenchVaults.PASSWORD.toCharArray())) {
            long wall1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            vault.unlockWithUserKey(userKey);
            long wall2 = System.nanoTime();
            long cpu2 = os.getProcessCpuTime();
            vault.lock();
            return new double[][] {
                {(wall1 - wall0) / 1e6, (cpu1 - cpu0) / 1e6},
                {(wall2 - wall1) / 1e6, (cpu2 - cpu1) / 1e6},
            };
        }
    }
}
