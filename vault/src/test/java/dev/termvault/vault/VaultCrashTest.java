package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.termvault.vault.internal.AccountKeys;
import dev.termvault.vault.internal.store.AccountRow;
import dev.termvault.vault.internal.store.RecordRow;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety: a child JVM ({@link CrashWorker}) writes, deletes and rotates the vault key in a loop and is
 * killed (destroyForcibly: SIGKILL) at random points, at least {@value #KILLS} times. After every kill the vault
 * must open and unlock, and every record must be exactly at its last acknowledged revision or at the one
 * after (the write in flight), with that revision's content: none lost, none mixed, none unreadable.
 *
 * <p>The children unlock with a K_user derived once here, so each child life costs a JVM start, not an
 * Argon2id derivation; the last check unlocks with the password.
 */
class VaultCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(VaultCrashTest.class);
    private static final int KILLS = Integer.getInteger("termvault.crashTest.kills", 100);
    private static final String PASSWORD = "crash test password";

    @TempDir
    Path vaultDir;

    @TempDir
    Path work;

    /** Every record's state as last verified (committed, so it must never be lost). */
    private Map<String, Acked> known = new HashMap<>();

    /** The last acknowledged state of one record in the journal. */
    private record Acked(long revision, boolean deleted) {
    }

    @Test
    void killedWhileWritingAndRotating_alwaysOpensWithEveryRecordAtItsOldOrNewRevision() throws Exception {
        Vault.createLocal(vaultDir, PASSWORD.toCharArray()).vault().close();
        Path keyFile = work.resolve("k_user.hex");
        try (Vault vault = Vault.open(vaultDir)) {
            AccountRow account = vault.store().account().orElseThrow();
            try (SecretBytes userKey = AccountKeys.userKey(account, PASSWORD.toCharArray())) {
                Files.writeString(keyFile, HexFormat.of().formatHex(userKey.reveal(SecretAccess.insecure())));
            }
        }
        Path journal = work.resolve("journal");
        Files.createFile(journal);
        long seed = new Random().nextLong();
        LOG.info("Crash test seed {}", seed);
        Random random = new Random(seed);
        int midRotation = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            long start = System.nanoTime();
            killAtRandomPoint(keyFile, journal, random.nextLong(), random.nextInt(12));
            long killed = System.nanoTime();
            midRotation += verify(journal) ? 1 : 0;
            LOG.info("kill {}: child life {} ms, verify {} ms", kill, (killed - start) / 1_000_000,
                    (System.nanoTime() - killed) / 1_000_000);
        }
        LOG.info("{} kills, {} of them left a key rotation to resume", KILLS, midRotation);

        try (Vault vault = Vault.open(vaultDir)) {
            vault.unlock(PASSWORD.toCharArray());
            assertThat(vault.unreadable()).isEmpty();
            assertThat((long) vault.list().size()).isEqualTo(known.values().stream().filter(a -> !a.deleted()).count());
        }
    }

    private void killAtRandomPoint(Path keyFile, Path journal, long childSeed, int acksBeforeKill)
            throws Exception {
        Path stderr = work.resolve("child.err");
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + work));
        command.addAll(List.of(CrashWorker.class.getName(), vaultDir.toString(), keyFile.toString(),
                journal.toString(), Long.toString(childSeed)));
        Process child = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                LOG.info("child: {}", line);
            }
            LOG.info("child ready after {} ms", (System.nanoTime() - started) / 1_000_000);
            assertThat(line).as("child start; stderr: %s", Files.readString(stderr)).isEqualTo("READY");
            long target = journalLines(journal) + acksBeforeKill;
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> journalLines(journal) >= target || !child.isAlive());
            assertThat(child.isAlive()).as("child alive at kill time; stderr: %s", Files.readString(stderr))
                    .isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    /**
     * Checks the vault against what is known to be committed: the journal's acknowledged writes and the
     * state seen at the previous check (a write committed but not acknowledged before a kill is durable from
     * then on). Every known record must be at its known revision or the next; at most one operation (up to
     * three records) may be ahead; every live record has exactly its revision's content. Updates the known
     * state to what it saw. Returns whether a key rotation was left in progress.
     */
    private boolean verify(Path journal) throws IOException {
        Map<String, Acked> expected = new HashMap<>(known);
        readJournal(journal).forEach((id, ack) -> expected.merge(id, ack,
                (a, b) -> a.revision() >= b.revision() ? a : b));
        try (Vault vault = Vault.open(vaultDir);
             SecretBytes userKey = SecretBytes.copyOf(HexFormat.of().parseHex(
                     Files.readString(work.resolve("k_user.hex"))))) {
            UUID vaultId = vault.store().primaryVaultId();
            boolean rotationPending = vault.store().rotation(vaultId).isPresent();
            vault.unlockWithUserKey(userKey);
            assertThat(vault.unreadable()).as("unreadable records").isEmpty();
            Map<String, VaultRecord> live = new HashMap<>();
            vault.list().forEach(r -> live.put(r.id(), r));
            Map<String, Acked> seen = new HashMap<>();
            int ahead = 0;
            for (Map.Entry<String, Acked> entry : expected.entrySet()) {
                String id = entry.getKey();
                Acked ack = entry.getValue();
                RecordRow row = vault.store().record(vaultId, UUID.fromString(id)).orElse(null);
                assertThat(row).as("committed record %s lost", id).isNotNull();
                seen.put(id, new Acked(row.revision(), row.deleted()));
                if (ack.deleted()) {
                    assertThat(row.deleted()).as("record %s deleted", id).isTrue();
                    assertThat(row.revision()).isEqualTo(ack.revision());
                    continue;
                }
                assertThat(row.revision()).as("record %s revision", id).isBetween(ack.revision(), ack.revision() + 1);
                ahead += row.revision() > ack.revision() ? 1 : 0;
                if (!row.deleted()) {
                    assertThat(live.get(id).item()).as("record %s content", id)
                            .isEqualTo(CrashWorker.content(id, row.revision()));
                }
            }
            for (VaultRecord record : live.values()) {
                if (!expected.containsKey(record.id())) {
                    assertThat(record.revision()).isEqualTo(1);
                    assertThat(record.item()).isEqualTo(CrashWorker.content(record.id(), 1));
                    seen.put(record.id(), new Acked(1, false));
                    ahead++;
                }
            }
            assertThat(ahead).as("records ahead of what was acknowledged (one operation in flight)")
                    .isLessThanOrEqualTo(3);
            known = seen;
            return rotationPending;
        }
    }

    private static Map<String, Acked> readJournal(Path journal) throws IOException {
        String text = Files.readString(journal, StandardCharsets.US_ASCII);
        Map<String, Acked> acked = new HashMap<>();
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return acked;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] parts = line.split(" ");
            if (parts[0].equals("P")) {
                acked.put(parts[1], new Acked(Long.parseLong(parts[2]), false));
            } else if (parts[0].equals("D")) {
                acked.put(parts[1], new Acked(Long.parseLong(parts[2]), true));
            }
        }
        return acked;
    }

    private static long journalLines(Path journal) throws IOException {
        byte[] bytes = Files.readAllBytes(journal);
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
