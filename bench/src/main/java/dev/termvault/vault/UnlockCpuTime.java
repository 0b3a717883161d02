package dev.termvault.vault;

import com.sun.management.OperatingSystemMXBean;
import dev.termvault.vault.crypto.SecretBytes;
import dev.termvault.vault.store.AccountRow;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
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
        } finally {
            BenchVaults.delete(dir);
        }
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
