package dev.termvault.app.desktop.keys;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.keys.KeyRow;
import dev.termvault.app.core.keys.Keys;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.app.desktop.common.RecordEditorViewModel;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Importing a private key file (OpenSSH, PEM, PKCS#8 or PuTTY) into the vault. A file protected by a
 * passphrase is first read without one; then {@link #needsPassphraseProperty} turns true and the person types
 * it. A wrong passphrase or a file that is not a key gives a clear error and stores nothing. The use case is
 * {@link Keys#importFile}.
 */
public final class KeyImportViewModel {

    private final Keys keys;
    private final TaskExecutor executor;
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final BooleanProperty needsPassphrase = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canImport;

    public KeyImportViewModel(Vault vault, TaskExecutor executor) {
        this.keys = new Keys(vault);
        this.executor = executor;
        file.addListener((obs, old, now) -> {
            needsPassphrase.set(false);
            passphrase.set("");
            error.set("");
            if (now != null && !now.isBlank() && (name.get() == null || name.get().isBlank()
                    || old != null && name.get().equals(defaultName(old)))) {
                name.set(defaultName(now));
            }
        });
        canImport = file.isNotEmpty().and(name.isNotEmpty()).and(busy.not())
                .and(needsPassphrase.not().or(passphrase.isNotEmpty()));
    }

    private static String defaultName(String path) {
        try {
            Path fileName = Path.of(path.strip()).getFileName();
            return fileName == null ? "" : fileName.toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    public void reset() {
        file.set("");
        name.set("");
        passphrase.set("");
        needsPassphrase.set(false);
        error.set("");
    }

    /**
     * Reads the file and stores the key; {@code onStored} gets the key's row on the UI thread. The passphrase
     * field is cleared after each try.
     */
    public void importKey(Consumer<KeyRow> onStored) {
        if (!canImport.get()) {
            return;
        }
        Path path;
        try {
            path = Path.of(file.get().strip());
        } catch (RuntimeException e) {
            error.set("'" + file.get() + "' is not a file path.");
            return;
        }
        String keyName = name.get().strip();
        char[] typed = needsPassphrase.get() ? passphrase.get().toCharArray() : null;
        passphrase.set("");
        busy.set(true);
        error.set("");
        executor.submit(() -> {
            try {
                return keys.importFile(path, keyName,
                        typed == null ? PassphrasePrompt.NONE : PassphrasePrompt.of(typed));
            } catch (SshKeyException e) {
                throw new ImportProblem(e);
            } finally {
                if (typed != null) {
                    Arrays.fill(typed, '\0');
                }
            }
        }, row -> {
            busy.set(false);
            needsPassphrase.set(false);
            onStored.accept(row);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ImportProblem problem && problem.keyProblem instanceof SshKeyException.PassphraseRequired) {
                needsPassphrase.set(true);
                error.set("This key is protected by a passphrase: type it to import the key.");
            } else if (failure instanceof ImportProblem problem
                    && problem.keyProblem instanceof SshKeyException.WrongPassphrase) {
                error.set("Wrong passphrase: the key was not imported. Try again.");
            } else if (failure instanceof ImportProblem || failure instanceof CoreException
                    || failure instanceof VaultException) {
                error.set(RecordEditorViewModel.sentence(failure.getMessage()));
            } else {
                error.set("The key could not be imported.");
            }
        });
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public BooleanProperty needsPassphraseProperty() {
        return needsPassphrase;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    /** A failure carried out of the background work; its message is safe to show. */
    static final class ImportProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SshKeyException keyProblem;

        ImportProblem(SshKeyException keyProblem) {
            super(keyProblem.getMessage(), null, false, false);
            this.keyProblem = keyProblem;
        }

    }
}
