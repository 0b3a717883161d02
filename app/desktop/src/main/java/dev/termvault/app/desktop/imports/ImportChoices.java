package dev.termvault.app.desktop.imports;

import dev.termvault.app.core.imports.ImportSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wizard's first page: which ssh_config, which known_hosts and which private key files to import. Starts with
 * what ~/.ssh holds (the files OpenSSH uses, and its id_* keys).
 */
public final class ImportChoices {

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

    private final Path home;
    private final BooleanProperty useConfig = new SimpleBooleanProperty();
    private final StringProperty configPath = new SimpleStringProperty("~/.ssh/config");
    private final BooleanProperty useKnownHosts = new SimpleBooleanProperty();
    private final StringProperty knownHostsPath = new SimpleStringProperty("~/.ssh/known_hosts");
    private final ObservableList<KeyFileChoice> keyFiles = FXCollections.observableArrayList(
            choice -> new Observable[] {choice.selectedProperty()});
    private final BooleanBinding anyChosen;

    /** @param home the home directory (for ~/.ssh and ~ in paths) */
    public ImportChoices(Path home) {
        this.home = home.toAbsolutePath().normalize();
        Path ssh = home.resolve(".ssh");
        useConfig.set(Files.isRegularFile(ssh.resolve("config")));
        useKnownHosts.set(Files.isRegularFile(ssh.resolve("known_hosts")));
        keyFiles.setAll(ImportSources.defaultKeyFiles(home).stream().map(KeyFileChoice::new).toList());
        anyChosen = Bindings.createBooleanBinding(() -> useConfig.get() && !configPath.get().isBlank()
                        || useKnownHosts.get() && !knownHostsPath.get().isBlank()
                        || keyFiles.stream().anyMatch(k -> k.selectedProperty().get()),
                useConfig, configPath, useKnownHosts, knownHostsPath, keyFiles);
    }

    /** Offers one more key file (chosen by the person), selected. */
    public void addKeyFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (keyFiles.stream().noneMatch(k -> k.path().toAbsolutePath().normalize().equals(absolute))) {
            keyFiles.add(new KeyFileChoice(absolute));
        }
    }

    /** What the chosen boxes and paths name. */
    ImportSources sources() {
        Path config = useConfig.get() ? ImportSources.path(configPath.get(), home) : null;
        Path known = useKnownHosts.get() ? ImportSources.path(knownHostsPath.get(), home) : null;
        List<Path> keys = new ArrayList<>();
        keyFiles.stream().filter(k -> k.selectedProperty().get()).forEach(k -> keys.add(k.path()));
        return new ImportSources(config, known, keys, home);
    }

    /** A path as people write it: under the home folder as ~/... */
    public String display(Path file) {
        return display(file.toAbsolutePath().normalize().toString());
    }

    /** A row's reference with a path under the home folder written as ~/... */
    public String display(String reference) {
        String prefix = home + java.io.File.separator;
        return reference.startsWith(prefix) ? "~/" + reference.substring(prefix.length()).replace('\\', '/')
                : reference;
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

    /** True when at least one file is chosen. */
    public BooleanBinding anyChosenProperty() {
        return anyChosen;
    }
}
