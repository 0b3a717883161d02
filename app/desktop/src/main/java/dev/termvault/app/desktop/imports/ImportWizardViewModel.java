package dev.termvault.app.desktop.imports;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.imports.ImportOutcome;
import dev.termvault.app.core.imports.ImportProgress;
import dev.termvault.app.core.imports.ImportRow;
import dev.termvault.app.core.imports.ImportRow.Action;
import dev.termvault.app.core.imports.ImportRow.Kind;
import dev.termvault.app.core.imports.ImportSources;
import dev.termvault.app.core.imports.Imports;
import dev.termvault.app.core.imports.PlannedImport;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.vault.Vault;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import wizard: choose what to import ({@link ImportChoices}), preview what would happen, run it with progress
 * and Cancel, and show what was imported and what was skipped and why. The work is the core's {@link Imports}, the
 * same as {@code termvault import}: this class only moves its typed plan, progress and outcome into properties.
 *
 * <p>Cancel: while key files are read (and passphrases asked) nothing has been written, and a cancel leaves the
 * vault as it was; while writing, a cancel stops before the next record, and the summary says which were written.
 */
public final class ImportWizardViewModel {

    /** The wizard's pages. */
    public enum Step { CHOOSE, PREVIEW, RUNNING, SUMMARY }

    private final Imports imports;
    private final TaskExecutor executor;
    private final Executor ui;
    private final Runnable onImported;
    private final ImportChoices choices;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final StringProperty headline = new SimpleStringProperty("");
    private final BooleanProperty canRun = new SimpleBooleanProperty();
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty();
    private final BooleanBinding canPreview;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private PlannedImport plan;
    private ImportOutcome outcome;

    /**
     * @param vault       the unlocked vault
     * @param executor    runs the reading and writing away from the UI thread
     * @param ui          runs progress updates on the UI thread
     * @param home        the home directory (for ~/.ssh and ~ in ssh_config)
     * @param passphrases asks for key file passphrases; called on the worker thread and may wait for the person
     * @param onImported  called on the UI thread after records were written (to refresh lists)
     */
    public ImportWizardViewModel(Vault vault, TaskExecutor executor, Executor ui, Path home,
            PassphrasePrompt passphrases, Runnable onImported) {
        this.imports = new Imports(vault, passphrases);
        this.executor = Objects.requireNonNull(executor);
        this.ui = Objects.requireNonNull(ui);
        this.onImported = Objects.requireNonNull(onImported);
        this.choices = new ImportChoices(home);
        canPreview = choices.anyChosenProperty().and(busy.not());
    }

    /** Reads the chosen files and shows what an import would do; nothing is written and no passphrase asked. */
    public void preview() {
        if (!canPreview.get()) {
            return;
        }
        ImportSources sources = choices.sources();
        error.set("");
        busy.set(true);
        executor.submit(() -> imports.plan(sources), planned -> {
            busy.set(false);
            plan = planned;
            rows.setAll(planned.rows());
            canRun.set(planned.hasAdditions());
            headline.set(planned.summary() + " Nothing has been written yet.");
            step.set(Step.PREVIEW);
        }, e -> {
            busy.set(false);
            error.set(e instanceof CoreException ? e.getMessage() : "The files could not be read: " + e.getMessage()
                    + ".");
        });
    }

    /** From the preview back to the choice of files. */
    public void back() {
        if (step.get() == Step.PREVIEW) {
            step.set(Step.CHOOSE);
        }
    }

    /** Imports what the preview showed: reads the key files (asking for passphrases), then writes, with progress. */
    public void run() {
        if (step.get() != Step.PREVIEW || busy.get() || plan == null) {
            return;
        }
        PlannedImport running = plan;
        cancelled.set(false);
        cancelRequested.set(false);
        busy.set(true);
        progress.set(-1);
        progressText.set("Reading files...");
        rows.clear();
        step.set(Step.RUNNING);
        executor.submit(() -> imports.apply(running, this::progress, cancelled::get), this::finish, e -> {
            busy.set(false);
            error.set("The import stopped: " + e.getMessage() + ".");
            headline.set(error.get());
            step.set(Step.SUMMARY);
        });
    }

    /** Asks the running import to stop (before the next file or record). */
    public void cancel() {
        if (step.get() == Step.RUNNING) {
            cancelled.set(true);
            cancelRequested.set(true);
            progressText.set("Cancelling...");
        }
    }

    /** Called on the worker thread by the import. */
    private void progress(ImportProgress.Stage stage, int done, int total, String item) {
        ui.execute(() -> {
            if (stage == ImportProgress.Stage.READING) {
                progress.set(-1);
                setProgressText(item.isEmpty() ? "Reading key files..." : "Reading "
                        + Path.of(item).getFileName() + "...");
            } else {
                progress.set(done / (double) Math.max(1, total));
                setProgressText("Writing " + done + " of " + total + "...");
            }
        });
    }

    private void setProgressText(String text) {
        if (!cancelled.get()) {
            progressText.set(text);
        }
    }

    private void finish(ImportOutcome done) {
        busy.set(false);
        outcome = done;
        rows.setAll(done.rows());
        headline.set(done.summary());
        progress.set(1);
        step.set(Step.SUMMARY);
        if (done.wroteAnything()) {
            onImported.run();
        }
    }

    private int outcomeCount(Kind kind, Action action) {
        return outcome == null ? 0 : outcome.counts().count(kind, action);
    }

    // ---- properties ----

    /** The first page's choices. */
    public ImportChoices choices() {
        return choices;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** 0 to 1 while writing; -1 (indeterminate) while reading files. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The preview's rows on the preview page, the outcome's on the summary page. */
    public ObservableList<ImportRow> rows() {
        return rows;
    }

    /** One sentence over the rows: what would happen, or what happened. */
    public StringProperty headlineProperty() {
        return headline;
    }

    public BooleanBinding canPreviewProperty() {
        return canPreview;
    }

    /** True on the preview page when running the import would write anything. */
    public BooleanProperty canRunProperty() {
        return canRun;
    }

    /** True once Cancel was pressed during a run (the button greys out). */
    public BooleanProperty cancelRequestedProperty() {
        return cancelRequested;
    }

    /** After a run: hosts written. */
    public int hostsAdded() {
        return outcomeCount(Kind.HOST, Action.ADD);
    }

    public int keysAdded() {
        return outcomeCount(Kind.KEY, Action.ADD);
    }

    public int knownHostsAdded() {
        return outcomeCount(Kind.KNOWN_HOST, Action.ADD);
    }

    /** After a run: the rows not imported (unreadable, unsupported, cancelled); kept records are not counted. */
    public int skipped() {
        return outcome == null ? 0 : outcome.counts().count(Action.SKIP);
    }

    /** After a run: whether it was cancelled. */
    public boolean cancelled() {
        return outcome != null && outcome.status() == ImportOutcome.Status.CANCELLED;
    }

    /** The outcome of the last run, or null. */
    public ImportOutcome outcome() {
        return outcome;
    }
}
