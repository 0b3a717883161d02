package dev.termvault.app.gui.model;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * The Credentials screen: saved passwords (name, username, password) with search, an editor, delete, and
 * copying a password through the secret clipboard. The password is hidden until {@link #revealProperty} is set.
 * Search looks at names and usernames, never at passwords.
 */
public final class CredentialsViewModel {

    private final Vault vault;
    private final Consumer<String> secretClipboard;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<VaultRecord> credentials = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty reveal = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<VaultRecord> editing = new SimpleObjectProperty<>();
    private final StringBinding nameError;
    private final BooleanBinding valid;

    /**
     * @param secretClipboard copies a password (and clears it from the clipboard later, where that is set up)
     */
    public CredentialsViewModel(Vault vault, Consumer<String> secretClipboard) {
        this.vault = vault;
        this.secretClipboard = secretClipboard;
        nameError = Bindings.createStringBinding(
                () -> name.get() == null || name.get().isBlank() ? "A credential needs a name." : "", name);
        valid = nameError.isEmpty();
        query.addListener((obs, old, now) -> refresh());
        refresh();
    }

    public void refresh() {
        String[] words = query.get() == null ? new String[0]
                : query.get().toLowerCase(Locale.ROOT).strip().split("\\s+");
        credentials.setAll(vault.list(ItemType.CREDENTIAL).stream().filter(r -> {
            Credential c = (Credential) r.item();
            String text = (c.name() + " " + (c.username() == null ? "" : c.username())).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!word.isEmpty() && !text.contains(word)) {
                    return false;
                }
            }
            return true;
        }).toList());
    }

    public void startNew() {
        editing.set(null);
        name.set("");
        username.set("");
        password.set("");
        reveal.set(false);
        status.set("");
    }

    public void edit(VaultRecord record) {
        Credential credential = (Credential) record.item();
        editing.set(record);
        name.set(credential.name());
        username.set(credential.username() == null ? "" : credential.username());
        password.set(credential.password() == null ? "" : credential.password());
        reveal.set(false);
        status.set("");
    }

    public Optional<VaultRecord> save() {
        if (!valid.get()) {
            status.set("Fix the marked fields first.");
            return Optional.empty();
        }
        Credential credential = new Credential(name.get().strip(),
                username.get() == null || username.get().isBlank() ? null : username.get().strip(),
                password.get() == null ? "" : password.get());
        try {
            VaultRecord saved = editing.get() == null ? vault.put(credential)
                    : vault.put(editing.get().id(), credential);
            editing.set(saved);
            refresh();
            status.set("Saved.");
            return Optional.of(saved);
        } catch (VaultException e) {
            status.set("Not saved: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /** Copies the password of {@code record} (the one being edited when null). */
    public boolean copyPassword(VaultRecord record) {
        VaultRecord target = record == null ? editing.get() : record;
        if (target == null) {
            return false;
        }
        Credential credential = (Credential) target.item();
        if (credential.password() == null || credential.password().isEmpty()) {
            status.set("This credential has no password.");
            return false;
        }
        secretClipboard.accept(credential.password());
        status.set("Password of " + credential.name() + " copied.");
        return true;
    }

    /** Labels of the hosts that log in with this credential. */
    public List<String> hostsUsing(VaultRecord record) {
        return vault.list(ItemType.HOST).stream().map(r -> (Host) r.item())
                .filter(h -> record.id().equals(h.credentialId())).map(Host::label).toList();
    }

    /** Deletes the credential being edited (after the person confirmed). */
    public boolean delete() {
        VaultRecord record = editing.get();
        if (record == null) {
            return false;
        }
        try {
            vault.delete(record.id());
        } catch (VaultException e) {
            status.set("Not deleted: " + e.getMessage() + ".");
            return false;
        }
        startNew();
        refresh();
        status.set("Deleted " + ((Credential) record.item()).name() + ".");
        return true;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<VaultRecord> credentials() {
        return credentials;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    /** Whether the password is shown in clear. */
    public BooleanProperty revealProperty() {
        return reveal;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<VaultRecord> editingProperty() {
        return editing;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
