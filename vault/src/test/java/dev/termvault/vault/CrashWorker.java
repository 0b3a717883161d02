package dev.termvault.vault;

import dev.termvault.vault.secret.SecretBytes;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link VaultCrashTest}: unlocks a vault with a pre-derived K_user, then writes,
 * deletes and rotates the vault key in a loop until it is killed. After each commit it appends the
 * acknowledged write to a journal file and fsyncs it: {@code P id revision}, {@code D id revision},
 * {@code R version}. Every payload is {@link #content} of (record id, revision), so a mixed record shows.
 *
 * <p>Arguments: vault folder, K_user file (hex), journal file, random seed, and optionally a number of
 * steps after which to exit normally (to run it by hand).
 */
public final class CrashWorker {

    /** Records the worker keeps around; it creates more when below. */
    static final int TARGET_RECORDS = 40;
    /** Records re-wrapped per rotation transaction: small, so kills land mid-rotation. */
    static final int ROTATION_BATCH = 4;

    private CrashWorker() {
    }

    /** The content every record must have at each revision. */
    static Item content(String id, long revision) {
        if (revision == 1) {
            return Host.of("new", "new.invalid", 22, null);
        }
        Host host = new Host("r" + revision, id + ".r" + revision + ".test", 1 + (int) (revision % 60_000),
                "u" + revision, null, null, null, null, null, List.of(id, "rev-" + revision), null,
                "n".repeat((int) (revision * 37 % 900)), 0, null, false, null);
        return host;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        byte[] rawKey = HexFormat.of().parseHex(Files.readString(Path.of(args[1])).strip());
        Random random = new Random(Long.parseLong(args[3]));
        try (Vault vault = Vault.open(dir);
             SecretBytes userKey = SecretBytes.copyOf(rawKey);
             FileChannel journal = FileChannel.open(Path.of(args[2]), StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            vault.unlockWithUserKey(userKey);
            System.out.println("READY");
            System.out.flush();
            List<VaultRecord> live = new ArrayList<>(vault.list());
            long steps = args.length > 4 ? Long.parseLong(args[4]) : Long.MAX_VALUE;
            for (long i = 0; i < steps; i++) {
                step(vault, live, random, journal);
            }
        }
    }

    private static void step(Vault vault, List<VaultRecord> live, Random random, FileChannel journal)
            throws IOException {
        int op = random.nextInt(100);
        if (live.size() < TARGET_RECORDS || op < 8) {
            VaultRecord created = vault.add(content(null, 1));
            live.add(created);
            ack(journal, "P " + created.id() + " 1");
        } else if (op < 60) {
            int i = random.nextInt(live.size());
            VaultRecord old = live.get(i);
            long revision = old.revision() + 1;
            VaultRecord updated = vault.update(old.id(), content(old.id(), revision));
            live.set(i, updated);
            ack(journal, "P " + updated.id() + " " + revision);
        } else if (op < 68) {
            VaultRecord gone = live.remove(random.nextInt(live.size()));
            vault.delete(gone.id());
            ack(journal, "D " + gone.id() + " " + (gone.revision() + 1));
        } else if (op < 94) {
            int version = vault.rotateVaultKeyStoppingAfter(ROTATION_BATCH, Integer.MAX_VALUE);
            ack(journal, "R " + version);
        } else {
            List<VaultRecord> batch = vault.addAll(List.of(content(null, 1), content(null, 1), content(null, 1)));
            live.addAll(batch);
            StringBuilder lines = new StringBuilder();
            for (VaultRecord r : batch) {
                lines.append(lines.isEmpty() ? "" : "\n").append("P ").append(r.id()).append(" 1");
            }
            ack(journal, lines.toString());
        }
    }

    private static void ack(FileChannel journal, String lines) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((lines + "\n").getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            journal.write(buffer);
        }
        journal.force(false);
    }
}
