package dev.termvault.app.gui.model;

import dev.termvault.app.gui.TaskExecutor;
import dev.termvault.app.ssh.keys.KeyFileReader;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.app.ssh.openssh.ImportPlan;
import dev.termvault.app.ssh.openssh.ImportReport;
import dev.termvault.app.ssh.openssh.KnownHostsImporter;
import dev.termvault.app.ssh.openssh.PlannedHost;
import dev.termvault.app.ssh.openssh.RecordSink;
import dev.termvault.app.ssh.openssh.SshConfigImporter;
import dev.termvault.app.ssh.openssh.VaultImports;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import dev.termvault.vault.model.SshKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
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
 * The import wizard: choose what to import (an ssh_config file, a known_hosts file, private key files), preview
 * what would happen, run it with progress and Cancel, and show what was imported and what was skipped and why.
 *
 * <p>It uses the same pieces as {@code termvault import ssh-config} and {@code import known-hosts}
 * ({@link SshConfigImporter}, {@link KnownHostsImporter}, {@link KeyFileReader}, {@link VaultImports}): a host
 * whose label is in the vault and a key whose public key is in the vault are kept as they are.
 *
 * <p>Cancel: while files are read (and passphrases asked) nothing has been written, and a cancel leaves the vault
 * as it was. Writing goes keys first, then every jump host before the hosts that use it, one record at a time; a
 * cancel there stops before the next record, so each record written is whole and links only to records that
 * exist, and the summary says exactly which were written. Known host keys are written in one transaction.
 */
public final class ImportWizardViewModel {

    /** The wizard's pages. */
    public enum Step { CHOOSE, PREVIEW, RUNNING, SUMMARY }

    /** What happens (or happened) to one thing. */
    public enum Action { ADD, SKIP, NOTE }

    /**
     * One line of the preview or the summary.
     *
     * @param kind    Host, Key, Known hosts, ssh_config
     * @param subject what it is about (a host label, a file, a config line)
     * @param action  added, skipped or a note
     * @param detail  the reason or what it became
     */
    public record Row(String kind, String subject, Action action, String detail) {
    }

    /** Asks for a key file's passphrase; called on the worker thread and may wait for the person. Null skips. */
    @FunctionalInterface
    public interface PassphraseAsker {
        char[] ask(String keyFile);
    }

    /** A private key file offered for import, with its check box. */
    public static final class KeyFileChoice {
        private final Path path;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);

        KeyFileChoice(Path path) {
            this.path = path;
        }

        public Path path() {
            return path;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    private record Inputs(Path config, Path knownHosts, List<Path> keyFiles) {
    }

    private record Outcome(List<Row> rows, String headline, int hostsAdded, int keysAdded, int knownHostsAdded,
            int skipped, boolean cancelled) {
    }

    private final Vault vault;
    private final TaskExecutor executor;
    private final Executor ui;
    private final Path home;
    private final PassphraseAsker asker;
    private final Runnable onImported;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CHOOSE);
    private final BooleanProperty useConfig = new SimpleBooleanProperty();
    private final StringProperty configPath = new SimpleStringProperty("");
    private final BooleanProperty useKnownHosts = new SimpleBooleanProperty();
    private final StringProperty knownHostsPath = new SimpleStringProperty("");
    private final ObservableList<KeyFileChoice> keyFiles = FXCollections.observableArrayList(
            choice -> new javafx.beans.Observable[] {choice.selectedProperty()});
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty headline = new SimpleStringProperty("");
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty();
    private final BooleanBinding canPreview;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private int hostsAdded;
    private int keysAdded;
    private int knownHostsAdded;
    private int skipped;
    private boolean wasCancelled;

    /**
     * @param vault      the unlocked vault
     * @param executor   runs the reading and writing away from the UI thread
     * @param ui         runs progress updates on the UI thread
     * @param home       the home directory (for ~/.ssh and ~ in ssh_config)
     * @param asker      asks for key file passphrases
     * @param onImported called on the UI thread after records were written (to refresh lists)
     */
    public ImportWizardViewModel(Vault vault, TaskExecutor executor, Executor ui, Path home, PassphraseAsker asker,
            Runnable onImported) {
        this.vault = Objects.requireNonNull(vault);
        this.executor = Objects.requireNonNull(executor);
        this.ui = Objects.requireNonNull(ui);
        this.home = Objects.requireNonNull(home);
        this.asker = Objects.requireNonNull(asker);
        this.onImported = Objects.requireNonNull(onImported);
        Path ssh = home.resolve(".ssh");
        configPath.set("~/.ssh/config");
        useConfig.set(Files.isRegularFile(ssh.resolve("config")));
        knownHostsPath.set("~/.ssh/known_hosts");
        useKnownHosts.set(Files.isRegularFile(ssh.resolve("known_hosts")));
        keyFiles.setAll(defaultKeyFiles(ssh).stream().map(KeyFileChoice::new).toList());
        canPreview = Bindings.createBooleanBinding(() -> !busy.get()
                && (useConfig.get() && !configPath.get().isBlank()
                        || useKnownHosts.get() && !knownHostsPath.get().isBlank()
                        || keyFiles.stream().anyMatch(k -> k.selectedProperty().get())),
                busy, useConfig, configPath, useKnownHosts, knownHostsPath, keyFiles);
    }

    /** The private key files in {@code ~/.ssh} named id_* (not the .pub halves), sorted. */
    static List<Path> defaultKeyFiles(Path sshDirectory) {
        if (!Files.isDirectory(sshDirectory)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sshDirectory, "id_*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".pub")) {
                    found.add(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /** Offers one more key file (chosen by the person), selected. */
    public void addKeyFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (keyFiles.stream().noneMatch(k -> k.path().toAbsolutePath().normalize().equals(absolute))) {
            keyFiles.add(new KeyFileChoice(absolute));
        }
    }

    /** Reads the chosen files and shows what an import would do; nothing is written. */
    public void preview() {
        if (!canPreview.get()) {
            return;
        }
        Inputs inputs;
        try {
            inputs = inputs();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        busy.set(true);
        executor.submit(() -> previewRows(inputs), preview -> {
            busy.set(false);
            rows.setAll(preview);
            long add = preview.stream().filter(r -> r.action() == Action.ADD).count();
            long skip = preview.stream().filter(r -> r.action() == Action.SKIP).count();
            headline.set(add + " to import, " + skip + " to skip. Nothing has been written yet.");
            step.set(Step.PREVIEW);
        }, e -> {
            busy.set(false);
            error.set("The files could not be read: " + e.getMessage() + ".");
        });
    }

    /** From the preview back to the choice of files. */
    public void back() {
        if (step.get() == Step.PREVIEW) {
            step.set(Step.CHOOSE);
        }
    }

    /** Imports for real: reads the files (asking for passphrases), then writes, with progress. */
    public void run() {
        if (step.get() != Step.PREVIEW || busy.get()) {
            return;
        }
        Inputs inputs;
        try {
            inputs = inputs();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            step.set(Step.CHOOSE);
            return;
        }
        cancelled.set(false);
        cancelRequested.set(false);
        busy.set(true);
        progress.set(-1);
        progressText.set("Reading files...");
        rows.clear();
        step.set(Step.RUNNING);
        // Errors while writing are caught in write() and summarised there; what reaches here came while the
        // files were read, before anything was written.
        executor.submit(() -> importAll(inputs), this::finish, e -> finish(new Outcome(
                List.of(new Row("Import", "", Action.SKIP, String.valueOf(e.getMessage()))),
                "The files could not be read (" + e.getMessage() + "). Nothing was written to the vault.",
                0, 0, 0, 0, false)));
    }

    /** Asks the running import to stop (before the next file or record). */
    public void cancel() {
        if (step.get() == Step.RUNNING) {
            cancelled.set(true);
            cancelRequested.set(true);
            progressText.set("Cancelling...");
        }
    }

    private void finish(Outcome outcome) {
        busy.set(false);
        hostsAdded = outcome.hostsAdded();
        keysAdded = outcome.keysAdded();
        knownHostsAdded = outcome.knownHostsAdded();
        skipped = outcome.skipped();
        wasCancelled = outcome.cancelled();
        rows.setAll(outcome.rows());
        headline.set(outcome.headline());
        progress.set(1);
        step.set(Step.SUMMARY);
        if (hostsAdded + keysAdded + knownHostsAdded > 0) {
            onImported.run();
        }
    }

    private Inputs inputs() {
        Path config = null;
        Path known = null;
        if (useConfig.get()) {
            config = existing(configPath.get(), "ssh_config");
        }
        if (useKnownHosts.get()) {
            known = existing(knownHostsPath.get(), "known_hosts");
        }
        List<Path> keys = new ArrayList<>();
        for (KeyFileChoice choice : keyFiles) {
            if (choice.selectedProperty().get()) {
                keys.add(existing(choice.path().toString(), "key"));
            }
        }
        return new Inputs(config, known, List.copyOf(keys));
    }

    private Path existing(String text, String what) {
        String trimmed = text.strip();
        Path path = trimmed.equals("~") ? home
                : trimmed.startsWith("~/") ? home.resolve(trimmed.substring(2)) : Path.of(trimmed);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("There is no " + what + " file " + path + ".");
        }
        return path.toAbsolutePath().normalize();
    }

    // ---- worker thread ----

    private List<Row> previewRows(Inputs inputs) {
        List<Row> out = new ArrayList<>();
        Set<Path> configKeys = new HashSet<>();
        if (inputs.config() != null) {
            ImportPlan plan = new SshConfigImporter(inputs.config(), home).plan(false, PassphrasePrompt.NONE);
            Set<String> labels = new HashSet<>();
            for (VaultRecord record : vault.list(ItemType.HOST)) {
                labels.add(((Host) record.item()).label());
            }
            for (PlannedHost planned : plan.hosts()) {
                if (labels.contains(planned.label())) {
                    out.add(new Row("Host", planned.label(), Action.SKIP,
                            "a host with this label is already in the vault; it is left as it is"));
                } else {
                    out.add(new Row("Host", planned.label(), Action.ADD, describe(planned)));
                }
                if (planned.keyFile() != null) {
                    configKeys.add(planned.keyFile().toAbsolutePath().normalize());
                }
            }
            for (ImportReport.Entry entry : plan.report().entries()) {
                if (entry.subject().startsWith("key file ") && entry.outcome() == ImportReport.Outcome.IMPORTED) {
                    out.add(keyPreview(Path.of(entry.subject().substring("key file ".length())), "named by ssh_config; "));
                } else if (entry.outcome() != ImportReport.Outcome.IMPORTED) {
                    out.add(reportRow("ssh_config", entry));
                }
            }
        }
        for (Path key : inputs.keyFiles()) {
            if (!configKeys.contains(key)) {
                out.add(keyPreview(key, ""));
            }
        }
        if (inputs.knownHosts() != null) {
            KnownHostsImporter.Result result = readKnownHosts(inputs.knownHosts());
            int fresh = VaultImports.newKnownHosts(vault, result.knownHosts()).size();
            int present = result.knownHosts().size() - fresh;
            out.add(new Row("Known hosts", inputs.knownHosts().toString(), fresh > 0 ? Action.ADD : Action.SKIP,
                    fresh + " new host key(s)" + (present > 0 ? "; " + present + " already in the vault" : "")));
            result.report().entries(ImportReport.Outcome.SKIPPED).forEach(e -> out.add(reportRow("Known hosts", e)));
        }
        out.sort(java.util.Comparator.comparing(Row::action));
        return out;
    }

    /** A key file's line in the preview; its .pub file, when there is one, tells whether the vault has it. */
    private Row keyPreview(Path file, String prefix) {
        Path pub = file.resolveSibling(file.getFileName() + ".pub");
        try {
            if (Files.isRegularFile(pub) && Files.size(pub) < 16 * 1024
                    && VaultImports.hasPublicKey(vault, Files.readString(pub))) {
                return new Row("Key", display(file), Action.SKIP, prefix + "already in the vault (by its .pub file);"
                        + " the existing record is used");
            }
        } catch (IOException | UncheckedIOException e) {
            // No usable .pub file: the key itself tells when it is read.
        }
        return new Row("Key", display(file), Action.ADD, prefix
                + "read when importing (a passphrase is asked if it has one)");
    }

    /** A path as people write it: under the home folder as ~/... */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = home.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? "~/" + base.relativize(absolute).toString().replace('\\', '/')
                : absolute.toString();
    }

    private static String describe(PlannedHost planned) {
        Host host = planned.host();
        StringBuilder text = new StringBuilder(host.username() == null ? "" : host.username() + "@")
                .append(host.hostname()).append(host.port() == 22 ? "" : ":" + host.port());
        if (!planned.jumpLabels().isEmpty()) {
            text.append(", via ").append(String.join(" -> ", planned.jumpLabels()));
        }
        if (planned.keyFile() != null) {
            text.append(", key ").append(planned.keyFile().getFileName());
        }
        return text.toString();
    }

    private static Row reportRow(String kind, ImportReport.Entry entry) {
        Action action = switch (entry.outcome()) {
            case IMPORTED -> Action.ADD;
            case SKIPPED -> Action.SKIP;
            case NOTE -> Action.NOTE;
        };
        return new Row(kind, entry.subject(), action, entry.detail());
    }

    private static KnownHostsImporter.Result readKnownHosts(Path file) {
        try {
            return KnownHostsImporter.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private void progress(double value, String text) {
        ui.execute(() -> {
            progress.set(value);
            if (!cancelled.get()) {
                progressText.set(text);
            }
        });
    }

    private Outcome importAll(Inputs inputs) {
        PassphrasePrompt prompt = resource -> cancelled.get() ? null : asker.ask(resource);
        ImportReport extra = new ImportReport();
        ImportPlan plan = null;
        if (inputs.config() != null) {
            progress(-1, "Reading " + inputs.config().getFileName() + " and the key files it names...");
            plan = new SshConfigImporter(inputs.config(), home).plan(true, prompt);
        }
        Set<Path> planned = new HashSet<>();
        if (plan != null) {
            plan.keys().keySet().forEach(p -> planned.add(p.toAbsolutePath().normalize()));
            plan.hosts().stream().filter(h -> h.keyFile() != null)
                    .forEach(h -> planned.add(h.keyFile().toAbsolutePath().normalize()));
            // Key files the config named but that were not read (no passphrase given, damaged): not asked twice.
            plan.report().entries(ImportReport.Outcome.SKIPPED).stream()
                    .filter(e -> e.subject().startsWith("key file "))
                    .forEach(e -> planned.add(Path.of(e.subject().substring("key file ".length()))
                            .toAbsolutePath().normalize()));
        }
        Map<Path, SshKey> looseKeys = new LinkedHashMap<>();
        for (Path file : inputs.keyFiles()) {
            if (cancelled.get()) {
                break;
            }
            if (!planned.contains(file)) {
                progress(-1, "Reading " + file.getFileName() + "...");
                readKey(file, prompt, looseKeys, extra);
            }
        }
        KnownHostsImporter.Result known = null;
        if (inputs.knownHosts() != null && !cancelled.get()) {
            progress(-1, "Reading " + inputs.knownHosts().getFileName() + "...");
            known = readKnownHosts(inputs.knownHosts());
        }
        if (cancelled.get()) {
            return new Outcome(List.of(), "Import cancelled. Nothing was written to the vault.", 0, 0, 0, 0, true);
        }
        return write(plan, looseKeys, known, extra);
    }

    private static void readKey(Path file, PassphrasePrompt prompt, Map<Path, SshKey> keys, ImportReport report) {
        KeyMaterial key = null;
        try {
            key = KeyFileReader.read(file, prompt);
            keys.put(file, SshKeyRecords.toRecord(file.getFileName().toString(), key));
        } catch (SshKeyException.PassphraseRequired e) {
            report.skipped("key file " + file, "no passphrase was given; the key was skipped");
        } catch (SshKeyException e) {
            report.skipped("key file " + file, e.getMessage());
        } catch (IOException e) {
            report.skipped("key file " + file, "the file could not be read");
        } finally {
            if (key != null) {
                key.destroy();
            }
        }
    }

    private Outcome write(ImportPlan plan, Map<Path, SshKey> looseKeys, KnownHostsImporter.Result known,
            ImportReport extra) {
        ImportReport report = plan != null ? plan.report() : extra;
        VaultImports.KeepingSink sink = VaultImports.sinkKeeping(vault, report);
        int total = (plan == null ? 0 : plan.keys().size() + plan.hosts().size()) + looseKeys.size()
                + (known == null ? 0 : 1);
        int[] done = {0};
        Set<String> written = new HashSet<>();
        List<Row> keyRows = new ArrayList<>();
        RecordSink<RuntimeException> counting = item -> {
            if (cancelled.get()) {
                throw new CancellationException();
            }
            int keysBefore = sink.keysAdded();
            String id = sink.put(item);
            if (item instanceof Host host) {
                written.add(host.label());
            }
            if (item instanceof SshKey key && sink.keysAdded() > keysBefore) {
                keyRows.add(new Row("Key", key.name(), Action.ADD, key.keyType() + " key added"
                        + (vault.get(id).map(r -> ((SshKey) r.item()).name()).filter(n -> !n.equals(key.name()))
                                .map(n -> " as '" + n + "' (the name was taken)").orElse(""))));
            }
            done[0]++;
            progress(done[0] / (double) Math.max(1, total), "Writing " + done[0] + " of " + total + "...");
            return id;
        };
        boolean stopped = false;
        String failure = null;
        int knownAdded = 0;
        int knownPresent = 0;
        try {
            if (plan != null) {
                progress(0, "Writing...");
                plan.applyTo(counting);
            }
            for (SshKey key : looseKeys.values()) {
                counting.put(key);
            }
            if (known != null) {
                if (cancelled.get()) {
                    throw new CancellationException();
                }
                List<KnownHost> fresh = VaultImports.newKnownHosts(vault, known.knownHosts());
                vault.addAll(fresh);
                knownAdded = fresh.size();
                knownPresent = known.knownHosts().size() - fresh.size();
                done[0]++;
                progress(1, "Writing " + done[0] + " of " + total + "...");
            }
        } catch (CancellationException e) {
            stopped = true;
        } catch (RuntimeException e) {
            failure = e.getMessage();
        }

        List<Row> out = new ArrayList<>();
        Set<String> keptHosts = new HashSet<>();
        List<ImportReport.Entry> entries = new ArrayList<>(report.entries());
        if (report != extra) {
            entries.addAll(extra.entries());
        }
        for (ImportReport.Entry entry : entries) {
            if (entry.outcome() == ImportReport.Outcome.SKIPPED && entry.subject().startsWith("host ")) {
                keptHosts.add(entry.subject().substring(5));
            }
        }
        int skippedCount = 0;
        for (ImportReport.Entry entry : entries) {
            boolean host = entry.subject().startsWith("host ");
            String label = host ? entry.subject().substring(5) : null;
            if (host && entry.outcome() == ImportReport.Outcome.IMPORTED) {
                if (keptHosts.contains(label)) {
                    continue;
                }
                if (written.contains(label)) {
                    out.add(new Row("Host", label, Action.ADD, entry.detail()));
                } else {
                    out.add(new Row("Host", label, Action.SKIP, "not written: the import was "
                            + (failure != null ? "stopped by an error" : "cancelled") + " before it"));
                    skippedCount++;
                }
                continue;
            }
            if (entry.subject().startsWith("key file ") && entry.outcome() == ImportReport.Outcome.IMPORTED) {
                continue;
            }
            Row row = host ? new Row("Host", label, Action.SKIP, entry.detail())
                    : entry.subject().startsWith("key file ")
                            ? new Row("Key", display(Path.of(entry.subject().substring(9))), Action.SKIP, entry.detail())
                            : reportRow(entry.subject().startsWith("key") ? "Key" : "ssh_config", entry);
            if (entry.subject().startsWith("key ") && entry.outcome() == ImportReport.Outcome.NOTE
                    && entry.detail().startsWith("already in the vault")) {
                row = new Row("Key", entry.subject().substring(4), Action.SKIP, entry.detail());
            }
            if (row.action() == Action.SKIP) {
                skippedCount++;
            }
            out.add(row);
        }
        out.addAll(keyRows);
        if (stopped || failure != null) {
            for (Map.Entry<Path, SshKey> loose : looseKeys.entrySet()) {
                if (keyRows.stream().noneMatch(r -> r.subject().equals(loose.getValue().name()))) {
                    out.add(new Row("Key", display(loose.getKey()), Action.SKIP, "not written: the import stopped"
                            + " before it"));
                }
            }
        }
        if (known != null) {
            if (knownAdded + knownPresent > 0 || !stopped && failure == null) {
                out.add(new Row("Known hosts", known.knownHosts().size() + " host key(s)",
                        knownAdded > 0 ? Action.ADD : Action.SKIP,
                        knownAdded + " added" + (knownPresent > 0 ? ", " + knownPresent + " already in the vault" : "")));
            } else {
                out.add(new Row("Known hosts", known.knownHosts().size() + " host key(s)", Action.SKIP,
                        "not written: the import stopped before them"));
            }
            skippedCount += knownPresent;
            for (ImportReport.Entry entry : known.report().entries(ImportReport.Outcome.SKIPPED)) {
                out.add(reportRow("Known hosts", entry));
                skippedCount++;
            }
        }
        String counts = sink.hostsAdded() + " host(s), " + sink.keysAdded() + " key(s) and " + knownAdded
                + " known host key(s)";
        String headlineText;
        if (failure != null) {
            headlineText = "The import stopped with an error (" + failure + "). Written before it: " + counts
                    + "; each is complete.";
        } else if (stopped) {
            headlineText = "Import cancelled part way. Written before the cancel: " + counts
                    + "; each is complete and links only to records that exist. Nothing else was written.";
        } else {
            headlineText = "Imported " + counts + ". Skipped " + skippedCount + ".";
        }
        // Added first, then skipped, then notes; in file order within each.
        out.sort(java.util.Comparator.comparing(Row::action));
        return new Outcome(out, headlineText, sink.hostsAdded(), sink.keysAdded(), knownAdded, skippedCount,
                stopped);
    }

    // ---- properties ----

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    public BooleanProperty useConfigProperty() {
        return useConfig;
    }

    public StringProperty configPathProperty() {
        return configPath;
    }

    public BooleanProperty useKnownHostsProperty() {
        return useKnownHosts;
    }

    public StringProperty knownHostsPathProperty() {
        return knownHostsPath;
    }

    public ObservableList<KeyFileChoice> keyFiles() {
        return keyFiles;
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

    /** The preview's lines on the preview page, the summary's on the summary page. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** One sentence over the rows: what would happen, or what happened. */
    public StringProperty headlineProperty() {
        return headline;
    }

    public BooleanBinding canPreviewProperty() {
        return canPreview;
    }

    /** True once Cancel was pressed during a run (the button greys out). */
    public BooleanProperty cancelRequestedProperty() {
        return cancelRequested;
    }

    /** After a run: hosts written. */
    public int hostsAdded() {
        return hostsAdded;
    }

    public int keysAdded() {
        return keysAdded;
    }

    public int knownHostsAdded() {
        return knownHostsAdded;
    }

    /** After a run: things not imported (kept, unreadable, unsupported). */
    public int skipped() {
        return skipped;
    }

    /** After a run: whether it was cancelled. */
    public boolean cancelled() {
        return wasCancelled;
    }
}
