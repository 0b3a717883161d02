package dev.termvault.app.desktop.credentials;

import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.WhenUsed;
import dev.termvault.app.core.credentials.Credentials;
import dev.termvault.app.desktop.common.RecordEditorViewModel;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Credentials screen: saved passwords (name, username, password) with search, an editor, delete, and
 * copying a password through the secret clipboard. The password is hidden until {@link #revealProperty} is set.
 * Search looks at names and usernames, never at passwords (the vault's search leaves secrets out). The use
 * cases are {@link Credentials}.
 */
public final class CredentialsViewModel extends RecordEditorViewModel<Credential> {

    private final Credentials useCases;
    private final Consumer<String> secretClipboard;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty reveal = new SimpleBooleanProperty();
    private final StringBinding nameError;
    private final BooleanBinding valid;

    /**
     * @param secretClipboard copies a password (and clears it from the clipboard later, where that is set up)
     */
    public CredentialsViewModel(Vault vault, Consumer<String> secretClipboard) {
        super(Credential.class);
        this.useCases = new Credentials(vault);
        this.secretClipboard = secretClipboard;
        nameError = Bindings.createStringBinding(
                () -> name.get() == null || name.get().isBlank() ? "A credential needs a name." : "", name);
        valid = nameError.isEmpty();
        refresh();
    }

    @Override
    protected void clearFields() {
        name.set("");
        username.set("");
        password.set("");
        reveal.set(false);
    }

    @Override
    protected void loadFields(Credential credential) {
        name.set(credential.name());
        username.set(credential.username() == null ? "" : credential.username());
        password.set(credential.password() == null ? "" : credential.password());
        reveal.set(false);
    }

    @Override
    protected Credential fromFields() {
        return new Credential(name.get(), username.get(), password.get() == null ? "" : password.get());
    }

    @Override
    protected List<VaultRecord> find(String query) {
        return useCases.records(query);
    }

    @Override
    protected VaultRecord store(String id, Credential item) {
        char[] typed = item.password().toCharArray();
        try {
            return id == null ? useCases.add(item.name(), item.username(), typed)
                    : useCases.update(id, item.name(), item.username(), typed);
        } finally {
            java.util.Arrays.fill(typed, '\0');
        }
    }

    /** Deletes the credential; the person was shown {@link #hostsUsing}, which are unlinked from it. */
    @Override
    protected void remove(VaultRecord record) {
        useCases.delete(record.id(), WhenUsed.UNLINK);
    }

    @Override
    protected String nameOf(Credential credential) {
        return credential.name();
    }

    /** Copies the password of {@code record} (the one being edited when null). */
    public boolean copyPassword(VaultRecord record) {
        return target(record).map(credential -> {
            if (credential.password() == null || credential.password().isEmpty()) {
                status.set("This credential has no password.");
                return false;
            }
            secretClipboard.accept(credential.password());
            status.set("Password of " + credential.name() + " copied.");
            return true;
        }).orElse(false);
    }

    /** Labels of the hosts that log in with this credential. */
    public List<String> hostsUsing(VaultRecord record) {
        return useCases.usage(record.id()).stream().map(HostRef::label).toList();
    }

    public ObservableList<VaultRecord> credentials() {
        return records();
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

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    @Override
    public BooleanBinding validProperty() {
        return valid;
    }
}
