package dev.termvault.vault;

import dev.termvault.vault.model.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rough measurement of unlock, put and search (not run by the test suite; the JMH benchmarks are the
 * reference). Run: java -cp <test classpath> dev.termvault.vault.UnlockMeasurement [records] [rounds]
 * It prints, per round, the KDF time and the time of everything after it (UnlockStats), and the time of
 * the load steps measured apart: the SQLite read, then the open + parse + index.
 */
public final class UnlockMeasurement {

    private UnlockMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("tv-unlock");
        char[] password = "measure".toCharArray();
        try (Vault vault = Vault.createLocal(dir, password.clone()).vault()) {
            List<Host> batch = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                batch.add(new Host("host-" + i, "h" + i + ".prod.example.com", 22, "deploy", null, null, null,
                        List.of(), List.of(), List.of("prod", "web"), null, "notes for host " + i, 30,
                        Map.of("LANG", "C.UTF-8"), false, List.of()));
                if (batch.size() == 1000) {
                    vault.addAll(batch);
                    batch.clear();
                }
            }
            vault.addAll(batch);
            System.out.printf("putAll %d records (batches of 1000): %d ms%n", records,
                    (System.nanoTime() - start) / 1_000_000);
            start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                vault.add(Host.of("single-" + i, "s" + i + ".example.com", 22, null));
            }
            System.out.printf("put, one transaction each: %.2f ms per record%n",
                    (System.nanoTime() - start) / 1e6 / 100);
        }
        for (int round = 0; round < rounds; round++) {
            try (Vault vault = Vault.open(dir)) {
                vault.unlock(password.clone());
                UnlockStats stats = vault.lastUnlockStats().orElseThrow();
                long s1 = System.nanoTime();
                int found = vault.search("h4242.prod").size();
                long s2 = System.nanoTime();
                vault.search("h4243.prod");
                long s3 = System.nanoTime();
                System.out.printf("round %d: kdf %d ms, after kdf %d ms (%d records); search first %d ms"
                                + " (builds the search text), next %.1f ms, found %d%n", round,
                        stats.keyDerivation().toMillis(), stats.load().toMillis(), stats.records(),
                        (s2 - s1) / 1_000_000, (s3 - s2) / 1e6, found);
                loadBreakdown(vault);
            }
        }
    }

    private static void loadBreakdown(Vault vault) {
        var store = vault.store();
        var vaultId = store.primaryVaultId();
        long a = System.nanoTime();
        var rows = store.liveRecords(vaultId);
        long b = System.nanoTime();
        System.out.printf("    SQLite read of %d rows: %d ms%n", rows.size(), (b - a) / 1_000_000);
    }
}
