package dev.termvault.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three devices make 1,000 random creates, edits and deletes through a proxy that terminates TLS and fails
 * at random (connections dropped or reset at a request, chunks delayed, 500/502/503 answered by the proxy,
 * response bodies cut midway) and goes fully offline for long stretches. At the end all three hold the same content, and every edit still pending on any device when
 * the network came back is in that content, as the record or as a conflict copy.
 */
class ThreeDevicesThroughFaultsTest {

    @TempDir
    Path dir;

    @Test
    void thousandRandomEditsThroughAFaultyNetwork_allDevicesConverge_andNoPendingEditIsLost() throws Exception {
        Random random = new Random(20261127);
        String email = "faults-" + UUID.randomUUID() + "@example.org";
        try (TestServer server = new TestServer(dir.resolve("server"));
             FaultyProxy proxy = FaultyProxy.terminatingTls(server.port(), server.fingerprint(),
                dir.resolve("proxy"))) {
            CreatedVault created = Vault.createLocal(dir.resolve("d0"), TwoDeviceSyncTest.pw());
            List<Vault> vaults = new ArrayList<>();
            List<Synchronizer> syncs = new ArrayList<>();
            vaults.add(created.vault());
            syncs.add(new Synchronizer(created.vault(),
                    server.clientVia(proxy).build().signUp(created.vault(), email, TwoDeviceSyncTest.pw())));
            for (int d = 1; d < 3; d++) {
                SyncClient.Joined joined = server.clientVia(proxy).build()
                        .join(dir.resolve("d" + d), email, TwoDeviceSyncTest.pw(), created.secretKey());
                vaults.add(joined.vault());
                syncs.add(new Synchronizer(joined.vault(), joined.session()));
            }
            try {
                proxy.faultRate(0.05);
                int failures = 0;
                for (int op = 0; op < 1000; op++) {
                    if (op % 250 == 100) {
                        proxy.down(true);
                    } else if (op % 250 == 160) {
                        proxy.down(false);
                    }
                    int d = random.nextInt(3);
                    Vault vault = vaults.get(d);
                    List<VaultRecord> live = vault.list();
                    int dice = random.nextInt(100);
                    if (dice < 25 || live.isEmpty()) {
                        vault.add(Host.of("r" + op, "h" + op + ".example", 22, "u" + op));
                    } else if (dice < 80) {
                        VaultRecord r = live.get(random.nextInt(live.size()));
                        Host h = (Host) r.item();
                        Host edited = random.nextBoolean()
                                ? Host.of(h.label(), "h" + op + ".example", h.port(), h.username())
                                : Host.of(h.label(), h.hostname(), h.port(), "u" + op);
                        vault.update(r.id(), edited);
                    } else if (dice < 88) {
                        vault.delete(live.get(random.nextInt(live.size())).id());
                    } else {
                        failures += trySync(syncs.get(d));
                    }
                }
                proxy.down(false);
                proxy.faultRate(0);
                Set<String> pendingHostnames = new HashSet<>();
                Set<String> pendingUsers = new HashSet<>();
                for (Vault vault : vaults) {
                    for (var row : vault.sync().pending(100_000)) {
                        var local = vault.get(row.recordId().toString());
                        if (local.isEmpty()) {
                            continue;
                        }
                        Host mine = (Host) local.get().item();
                        Host base = vault.sync().base(row.recordId()).filter(b -> !b.deleted())
                                .map(b -> (Host) vault.sync().open(row.recordId(), b.revision(), b.envelope()))
                                .orElse(null);
                        if (base == null || !base.hostname().equals(mine.hostname())) {
                            pendingHostnames.add(mine.hostname());
                        }
                        if (base == null || !base.username().equals(mine.username())) {
                            pendingUsers.add(mine.username());
                        }
                    }
                }
                for (int round = 0; round < 4; round++) {
                    for (Synchronizer sync : syncs) {
                        sync.syncOnce();
                    }
                }
                List<String> first = TwoDeviceSyncTest.contents(vaults.get(0));
                for (Vault vault : vaults) {
                    assertThat(vault.sync().pendingCount()).isZero();
                    assertThat(TwoDeviceSyncTest.contents(vault)).isEqualTo(first);
                }
                Set<String> finalHostnames = new HashSet<>();
                Set<String> finalUsers = new HashSet<>();
                vaults.get(0).list().forEach(r -> {
                    finalHostnames.add(((Host) r.item()).hostname());
                    finalUsers.add(((Host) r.item()).username());
                });
                assertThat(pendingHostnames).isNotEmpty();
                assertThat(finalHostnames).containsAll(pendingHostnames);
                assertThat(finalUsers).containsAll(pendingUsers);
                assertThat(failures).as("the network did fail").isPositive();
                for (FaultyProxy.Fault kind : FaultyProxy.Fault.values()) {
                    assertThat(proxy.injected(kind)).as("faults of kind " + kind).isPositive();
                }
                assertThat(first).hasSizeGreaterThan(50);
            } finally {
                vaults.forEach(Vault::close);
            }
        }
    }

    /** One pass; a network failure counts, and is simply retried later as the background loop would. */
    private static int trySync(Synchronizer sync) {
        try {
            sync.syncOnce();
            return 0;
        } catch (SyncException.Offline e) {
            return 1;
        } catch (SyncException.Rejected e) {
            if (e.status() >= 500) {
                return 1;
            }
            throw e;
        }
    }
}
