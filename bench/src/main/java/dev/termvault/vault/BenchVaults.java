package dev.termvault.vault;

import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Vault folders filled with realistic host records, for the benchmarks. */
final class BenchVaults {

    static final String PASSWORD = "correct horse battery staple";

    private BenchVaults() {
    }

    /** {@code count} distinct hosts, spread over 40 data centres, a few users and tags. */
    static List<Item> hosts(int count, String prefix) {
        String[] users = {"deploy", "root", "admin", "ubuntu", "ops"};
        String[] tags = {"prod", "staging", "web", "db", "cache", "batch", "eu", "us"};
        List<Item> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String label = prefix + "-" + String.format("%06d", i);
            Host host = Host.of(label, label + ".dc" + (i % 40) + ".example.net", i % 7 == 0 ? 2222 : 22,
                    users[i % users.length]);
            hosts.add(host.withTags(List.of(tags[i % tags.length], tags[(i / 8) % tags.length])));
        }
        return hosts;
    }

    /** A new vault in a new temporary folder holding {@code count} hosts; returned locked and closed. */
    static Path create(int count) {
        try {
            Path dir = Files.createTempDirectory("termvault-bench");
            CreatedVault created = Vault.createLocal(dir, PASSWORD.toCharArray());
            try (Vault vault = created.vault()) {
                List<Item> all = hosts(count, "host");
                for (int from = 0; from < all.size(); from += 10_000) {
                    vault.addAll(all.subList(from, Math.min(all.size(), from + 10_000)));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
