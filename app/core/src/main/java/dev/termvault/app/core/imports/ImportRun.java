package dev.termvault.app.core.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import dev.termvault.app.core.imports.ImportOutcome.Status;
import dev.termvault.app.core.imports.ImportProgress.Stage;
import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.PlannedImport.HostStep;
import dev.termvault.app.core.imports.PlannedImport.KeyStep;
import dev.termvault.app.core.imports.PlannedImport.KnownHostStep;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.openssh.ImportReason;
import dev.termvault.app.ssh.openssh.PlannedHost;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of a {@link PlannedImport}: read the key files, then write step by step, noting what became of each row. */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);
    private static final String WITHOUT_IT = "; hosts that use it are imported without a key";

    private final Vault vault;
    private final PassphrasePrompt passphrases;
    private final ImportProgress progress;
    private final BooleanSupplier cancelled;
    private final Map<Path, SshKey> keys = new HashMap<>();
    private final Map<Path, String> keyIds = new HashMap<>();
    private ImportRow[] rows;
    private boolean[] settled;
    private KeepingWriter writer;
    private int done;
    private int total;

    ImportRun(Vault vault, PassphrasePrompt passphrases, ImportProgress progress, BooleanSupplier cancelled) {
        this.vault = vault;
        this.passphrases = passphrases;
        this.progress = progress;
        this.cancelled = cancelled;
    }

    ImportOutcome run(PlannedImport plan) {
        rows = plan.rowsInOrder().toArray(new ImportRow[0]);
        settled = new boolean[rows.length];
        PlannedImport.Steps steps = plan.steps();
        List<KeyStep> allKeys = new ArrayList<>(steps.configKeys());
        allKeys.addAll(steps.otherKeys());
        if (!readKeys(allKeys.stream().filter(KeyStep::read).toList())) {
            return finish(plan, Status.CANCELLED, null);
        }
        total = (int) allKeys.stream().filter(k -> !settled[k.row()]).count() + steps.hosts().size()
                + steps.knownHosts().size();
        try {
            writer = new KeepingWriter(vault);
            return finish(plan, write(steps), null);
        } catch (RuntimeException e) {
            LOG.warn("An import stopped after {} of {} records: {}", done, total, e.toString());
            return finish(plan, Status.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /** Writes the steps in order, checking for a cancel before each. */
    private Status write(PlannedImport.Steps steps) {
        List<Runnable> work = new ArrayList<>();
        steps.configKeys().forEach(key -> work.add(() -> writeKey(key)));
        steps.hosts().forEach(host -> work.add(() -> writeHost(host)));
        steps.otherKeys().forEach(key -> work.add(() -> writeKey(key)));
        if (!steps.knownHosts().isEmpty()) {
            work.add(() -> writeKnownHosts(steps.knownHosts()));
        }
        for (Runnable step : work) {
            if (stop()) {
                return Status.CANCELLED;
            }
            step.run();
        }
        return Status.COMPLETE;
    }

    private boolean stop() {
        return cancelled.getAsBoolean();
    }

    /** Reads the key files to import; false when cancelled (nothing has been written then). */
    private boolean readKeys(List<KeyStep> toRead) {
        PassphrasePrompt asking = resource -> stop() ? null : passphrases.passphraseFor(resource);
        for (int i = 0; i < toRead.size(); i++) {
            KeyStep step = toRead.get(i);
            if (stop()) {
                return false;
            }
            progress.update(Stage.READING, i, toRead.size(), step.file().toString());
            try {
                keys.put(step.file(), KeyFiles.read(step.file(), asking));
            } catch (SshKeyException.PassphraseRequired e) {
                if (stop()) {
                    return false;
                }
                settle(step.row(), Action.SKIP, ImportReason.NO_PASSPHRASE, "no passphrase was given" + WITHOUT_IT);
            } catch (SshKeyException e) {
                settle(step.row(), Action.SKIP, ImportReason.KEY_UNREADABLE, e.getMessage() + WITHOUT_IT);
            } catch (IOException e) {
                settle(step.row(), Action.SKIP, ImportReason.FILE_UNREADABLE, "the file could not be read" + WITHOUT_IT);
            }
        }
        progress.update(Stage.READING, toRead.size(), toRead.size(), "");
        return !stop();
    }

    private void writeKey(KeyStep step) {
        if (settled[step.row()]) {
            return;
        }
        if (!step.read()) {
            String id = writer.keyId(step.publicKey());
            if (id == null) {
                settle(step.row(), Action.SKIP, ImportReason.FAILED,
                        "it was removed from the vault after the preview; import again to add it");
            } else {
                keyIds.put(step.file(), id);
                settle(step.row(), Action.KEEP, ImportReason.ALREADY_IN_VAULT, rows[step.row()].message());
            }
            written(step.file().getFileName().toString());
            return;
        }
        SshKey key = keys.get(step.file());
        KeepingWriter.Written result = writer.key(key);
        keyIds.put(step.file(), result.id());
        if (!result.added()) {
            settle(step.row(), Action.KEEP, ImportReason.ALREADY_IN_VAULT,
                    "already in the vault (same public key); the existing record is used");
        } else if (!result.name().equals(key.name())) {
            settle(step.row(), Action.ADD, ImportReason.NAME_TAKEN, key.keyType() + " key added as '" + result.name()
                    + "' (the name '" + key.name() + "' was taken)");
        } else {
            settle(step.row(), Action.ADD, ImportReason.NEW, key.keyType() + " key added as '" + result.name() + "'");
        }
        written(result.name());
    }

    private void writeHost(HostStep step) {
        PlannedHost planned = step.host();
        String keyId = planned.keyFile() == null ? null : keyIds.get(planned.keyFile().toAbsolutePath().normalize());
        List<String> jumpIds = new ArrayList<>();
        for (String label : planned.jumpLabels()) {
            String id = writer.hostId(label);
            if (id == null) {
                throw new IllegalStateException("the jump host " + label + " of " + planned.label() + " is missing");
            }
            jumpIds.add(id);
        }
        KeepingWriter.Written result = writer.host(planned.linked(keyId, jumpIds));
        boolean withoutKey = keyId == null && !planned.resolved().identityFiles().isEmpty();
        if (result.added()) {
            settle(step.row(), Action.ADD, withoutKey ? ImportReason.WITHOUT_KEY : ImportReason.NEW,
                    ImportPlanner.describe(planned, !withoutKey));
        } else {
            settle(step.row(), Action.KEEP, ImportReason.ALREADY_IN_VAULT,
                    "a host with this label is already in the vault; it was left as it is");
        }
        written(planned.label());
    }

    private void writeKnownHosts(List<KnownHostStep> steps) {
        List<Boolean> added = writer.knownHosts(steps.stream().map(KnownHostStep::knownHost).toList());
        for (int i = 0; i < steps.size(); i++) {
            KnownHostStep step = steps.get(i);
            if (added.get(i)) {
                ImportRow planned = rows[step.row()];
                settle(step.row(), Action.ADD, ImportReason.NEW, planned.action() == Action.ADD ? planned.message()
                        : step.knownHost().keyType());
            } else {
                settle(step.row(), Action.KEEP, ImportReason.ALREADY_IN_VAULT, "already in the vault");
            }
        }
        done += steps.size() - 1;
        written(steps.size() + " known host key(s)");
    }

    private void written(String item) {
        done++;
        progress.update(Stage.WRITING, done, total, item);
    }

    private void settle(int row, Action action, ImportReason reason, String message) {
        rows[row] = rows[row].with(action, reason, message);
        settled[row] = true;
    }

    /** The outcome: planned additions that were not reached say why. */
    private ImportOutcome finish(PlannedImport plan, Status status, String failure) {
        for (int i = 0; i < rows.length; i++) {
            if (!settled[i] && rows[i].action() == Action.ADD) {
                rows[i] = status == Status.FAILED
                        ? rows[i].with(Action.SKIP, ImportReason.FAILED, "not written: an error stopped the import first")
                        : rows[i].with(Action.SKIP, ImportReason.CANCELLED, "not written: the import was cancelled first");
            }
        }
        List<ImportRow> out = PlannedImport.sorted(Arrays.asList(rows));
        ImportCounts counts = ImportCounts.of(out);
        return new ImportOutcome(status, out, counts, failure,
                ImportSummary.outcome(status, counts, plan.recordKinds(), failure));
    }
}
