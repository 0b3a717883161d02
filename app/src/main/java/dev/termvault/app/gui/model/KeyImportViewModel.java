package dev.termvault.app.gui.model;

import dev.termvault.app.gui.TaskExecutor;
import dev.termvault.app.ssh.keys.KeyFileReader;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
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
 * it. A wrong passphrase or a file that is not a key gives a clear error and stores nothing.
 */
public final class KeyImportViewModel {

    private final Vault vault;
    private final TaskExecutor executor;
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final BooleanProperty needsPassphrase = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanBinding canImport;

    public KeyImportViewModel(Vault vault, TaskExecutor executor) {
        this.vault = vault;
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
     * Reads the file and stores the key; {@code onStored} gets the record on the UI thread. The passphrase
     * field is cleared after each try.
     */
    public void importKey(Consumer<VaultRecord> onStored) {
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
            KeyMaterial key = null;
            try {
                key = KeyFileReader.read(path, typed == null ? PassphrasePrompt.NONE : PassphrasePrompt.of(typed));
                return vault.add(SshKeyRecords.toRecord(keyName, key));
            } catch (SshKeyException e) {
                throw new ImportProblem(e);
            } catch (NoSuchFileException e) {
                throw new ImportProblem("There is no file " + path + ".");
            } catch (IOException e) {
                throw new ImportProblem(path + " could not be read.");
            } finally {
                if (typed != null) {
                    Arrays.fill(typed, '\0');
                }
                if (key != null) {
                    key.destroy();
                }
            }
        }, record -> {
            busy.set(false);
            needsPassphrase.set(false);
            onStored.accept(record);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ImportProblem problem && problem.keyProblem instanceof SshKeyException.PassphraseRequired) {
                needsPassphrase.set(true);
                error.set("This key is protected by a passphrase: type it to import the key.");
            } else if (failure instanceof ImportProblem problem
                    && problem.keyProblem instanceof SshKeyException.WrongPassphrase) {
                error.set("Wrong passphrase: the key was not imported. Try again.");
            } else if (failure instanceof ImportProblem || failure instanceof VaultException) {
                error.set(sentence(failure.getMessage()));
            } else {
                error.set("The key could not be imported.");
            }
        });
    }

    private static String sentence(String message) {
        return message.endsWith(".") ? message : message + ".";
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

        ImportProblem(String message) {
            super(message, null, false, false);
            this.keyProblem = null;
        }
    }
}
