package dev.termvault.app.gui.model;

import dev.termvault.app.gui.TaskExecutor;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.KeyGeneration;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Making a new SSH key in the vault: Ed25519 by default, ECDSA, or RSA of 3072 or 4096 bits, with a name and a
 * comment. The key is made away from the UI thread (RSA takes seconds) and stored as an SSH key record.
 */
public final class KeyGenerationViewModel {

    private final Vault vault;
    private final TaskExecutor executor;
    private final ObjectProperty<KeyAlgorithm> algorithm = new SimpleObjectProperty<>(KeyAlgorithm.ED25519);
    private final ObservableList<Integer> sizes = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> bits = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty comment = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringBinding nameError;
    private final BooleanBinding canGenerate;

    public KeyGenerationViewModel(Vault vault, TaskExecutor executor) {
        this.vault = vault;
        this.executor = executor;
        algorithm.addListener((obs, old, now) -> chooseSizes(now));
        chooseSizes(algorithm.get());
        nameError = Bindings.createStringBinding(
                () -> name.get() == null || name.get().isBlank() ? "A key needs a name." : "", name);
        canGenerate = nameError.isEmpty().and(busy.not()).and(algorithm.isNotNull()).and(bits.isNotNull());
    }

    private void chooseSizes(KeyAlgorithm chosen) {
        KeyAlgorithm value = chosen == null ? KeyAlgorithm.ED25519 : chosen;
        sizes.setAll(value.sizes());
        bits.set(value.defaultBits());
    }

    /** Clears the form for a new key; the comment starts as {@code user@host} of this computer when known. */
    public void reset(String defaultComment) {
        algorithm.set(KeyAlgorithm.ED25519);
        chooseSizes(KeyAlgorithm.ED25519);
        name.set("");
        comment.set(defaultComment == null ? "" : defaultComment);
        error.set("");
    }

    /**
     * Makes the key and stores it; {@code onStored} gets the new record on the UI thread. While it runs,
     * {@link #busyProperty} is true; a failure is shown in {@link #errorProperty} and nothing is stored.
     */
    public void generate(Consumer<VaultRecord> onStored) {
        if (!canGenerate.get()) {
            return;
        }
        KeyAlgorithm chosen = algorithm.get();
        int size = bits.get();
        String keyName = name.get().strip();
        String keyComment = comment.get() == null ? "" : comment.get().strip();
        busy.set(true);
        error.set("");
        executor.submit(() -> {
            KeyMaterial key = null;
            try {
                key = KeyGeneration.generate(chosen, size, keyComment);
                return vault.add(SshKeyRecords.toRecord(keyName, key));
            } catch (SshKeyException e) {
                throw new KeyProblem(e.getMessage());
            } finally {
                if (key != null) {
                    key.destroy();
                }
            }
        }, record -> {
            busy.set(false);
            onStored.accept(record);
        }, failure -> {
            busy.set(false);
            error.set(failure instanceof KeyProblem || failure instanceof VaultException
                    ? "Not made: " + failure.getMessage() + "."
                    : "Not made: the key could not be generated.");
        });
    }

    /** Whether making this key takes long enough to show progress (RSA). */
    public BooleanBinding slowProperty() {
        return algorithm.isEqualTo(KeyAlgorithm.RSA);
    }

    public ObjectProperty<KeyAlgorithm> algorithmProperty() {
        return algorithm;
    }

    public ObservableList<Integer> sizes() {
        return sizes;
    }

    public ObjectProperty<Integer> bitsProperty() {
        return bits;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public BooleanBinding canGenerateProperty() {
        return canGenerate;
    }

    /** A key problem carried out of the background work; its message is safe to show. */
    static final class KeyProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyProblem(String message) {
            super(message, null, false, false);
        }
    }
}
