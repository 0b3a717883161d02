package dev.termvault.app.desktop.hosts;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.hosts.DeletedHost;
import dev.termvault.app.core.hosts.HostChoices;
import dev.termvault.app.core.hosts.HostDraft;
import dev.termvault.app.core.hosts.HostField;
import dev.termvault.app.core.hosts.Hosts;
import dev.termvault.app.core.hosts.RecordRef;
import dev.termvault.app.core.hosts.SavedHost;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Editing one host (a new one or an existing record) over core's {@link Hosts}: the form's fields as properties,
 * and core's messages per field ({@link Hosts#problems}) as they are typed. The rules, the saving and the deleting
 * are core's; fields this editor does not show (keep-alive, environment, agent forwarding, legacy algorithms) are
 * kept as they were.
 */
public final class HostEditorViewModel {

    private final Hosts hosts;
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty hostname = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty username = new SimpleStringProperty("");
    private final ObjectProperty<AuthMethod> auth = new SimpleObjectProperty<>(AuthMethod.AUTO);
    private final ObjectProperty<RecordChoice> key = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordChoice> credential = new SimpleObjectProperty<>();
    private final ObservableList<RecordChoice> keyChoices = FXCollections.observableArrayList();
    private final ObservableList<RecordChoice> credentialChoices = FXCollections.observableArrayList();
    private final ObservableList<RecordChoice> jumpHosts = FXCollections.observableArrayList();
    private final ObservableList<RecordChoice> jumpChoices = FXCollections.observableArrayList();
    private final StringProperty forwards = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final ObservableList<String> groupNames = FXCollections.observableArrayList();
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<VaultRecord> editingRecord = new SimpleObjectProperty<>();
    private final ObjectBinding<Map<String, String>> problems;
    private final Map<HostField, StringBinding> errors = new EnumMap<>(HostField.class);
    private final BooleanBinding valid;

    public HostEditorViewModel(Vault vault) {
        this.hosts = new Hosts(vault);
        problems = Bindings.createObjectBinding(() -> hosts.problems(draft(), editingId(), false), label, hostname,
                port, username, auth, key, credential, jumpHosts, forwards, tags, editingRecord);
        for (HostField field : HostField.values()) {
            errors.put(field, field == HostField.AUTH ? error(field, HostField.KEY, HostField.CREDENTIAL) : error(field));
        }
        valid = Bindings.createBooleanBinding(() -> problems.get().isEmpty(), problems);
    }

    private StringBinding error(HostField... fields) {
        return Bindings.createStringBinding(() -> Arrays.stream(fields).map(f -> problems.get().get(f.key()))
                .filter(m -> m != null).findFirst().orElse(""), problems);
    }

    private String editingId() {
        return editingRecord.get() == null ? null : editingRecord.get().id();
    }

    /** The form as core reads it: references by record id, forwards one per line, tags as typed. */
    private HostDraft draft() {
        return new HostDraft(label.get(), hostname.get(), port.get(), username.get(), auth.get(),
                key.get() == null ? null : key.get().id(), credential.get() == null ? null : credential.get().id(),
                jumpHosts.stream().map(RecordChoice::id).toList(), HostDraft.splitLines(forwards.get()),
                HostDraft.splitTags(tags.get()), group.get(), notes.get());
    }

    /** Tags from text separated by commas or spaces; a leading '#' is dropped, duplicates kept once. */
    public static List<String> parseTags(String text) {
        return HostDraft.splitTags(text);
    }

    /** Starts a new host. */
    public void startNew() {
        editingRecord.set(null);
        show(HostDraft.of("", ""));
    }

    /** Loads an existing host record. */
    public void edit(VaultRecord record) {
        editingRecord.set(record);
        show(hosts.draftOf(record));
    }

    private void show(HostDraft draft) {
        loadChoices();
        label.set(draft.label());
        hostname.set(draft.hostname());
        port.set(draft.port());
        username.set(text(draft.user()));
        auth.set(draft.auth());
        key.set(find(keyChoices, draft.key()));
        credential.set(find(credentialChoices, draft.credential()));
        jumpHosts.setAll(draft.jumpHosts().stream().map(id -> Optional.ofNullable(find(jumpChoices, id))
                .orElse(new RecordChoice(id, "(deleted host)"))).toList());
        forwards.set(String.join("\n", draft.forwards()));
        tags.set(String.join(", ", draft.tags()));
        group.set(text(draft.group()));
        notes.set(text(draft.notes()));
        status.set("");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** Reads the keys, credentials, hosts and groups offered in the choice boxes again. */
    public void loadChoices() {
        RecordChoice keptKey = key.get();
        RecordChoice keptCredential = credential.get();
        String keptGroup = group.get();
        HostChoices choices = hosts.choices(editingId());
        keyChoices.setAll(choices(choices.keys()));
        credentialChoices.setAll(choices(choices.credentials()));
        jumpChoices.setAll(choices(choices.jumpHosts()));
        groupNames.setAll(choices.groups());
        // A choice box clears its value when its items are replaced: put back what was chosen.
        key.set(keptKey == null ? null : find(keyChoices, keptKey.id()));
        credential.set(keptCredential == null ? null : find(credentialChoices, keptCredential.id()));
        group.set(keptGroup);
    }

    private static List<RecordChoice> choices(List<RecordRef> refs) {
        return refs.stream().map(r -> new RecordChoice(r.id(), r.name())).toList();
    }

    private static RecordChoice find(List<RecordChoice> choices, String id) {
        return id == null ? null : choices.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** Adds a host to jump through, after the ones already chosen. */
    public void addJumpHost(RecordChoice host) {
        if (host != null && !jumpHosts.contains(host)) {
            jumpHosts.add(host);
        }
    }

    public void removeJumpHost(RecordChoice host) {
        jumpHosts.remove(host);
    }

    /**
     * Saves when valid. A group name no group has yet makes a new group.
     *
     * @return the stored record, or empty when invalid or the vault refused (then {@link #statusProperty} says why)
     */
    public Optional<VaultRecord> save() {
        if (!valid.get()) {
            status.set("Fix the marked fields first.");
            return Optional.empty();
        }
        try {
            SavedHost saved = editingId() == null ? hosts.add(draft(), null) : hosts.edit(editingId(), draft(), null);
            editingRecord.set(saved.record());
            loadChoices();
            status.set("Saved.");
            return Optional.of(saved.record());
        } catch (CoreException e) {
            status.set("Not saved: " + e.getMessage());
            return Optional.empty();
        } catch (VaultException e) {
            status.set("Not saved: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    /** Labels of the other hosts that jump through the host being edited (they lose that hop on delete). */
    public List<String> hostsJumpingThrough() {
        return editingId() == null ? List.of() : hosts.jumpingThrough(editingId()).stream().map(RecordRef::name)
                .toList();
    }

    /**
     * Deletes the host being edited (after the person confirmed) and starts a new one. Hosts that jumped
     * through it lose that hop; the status names them.
     *
     * @return whether a host was deleted
     */
    public boolean delete() {
        if (editingId() == null) {
            return false;
        }
        DeletedHost deleted;
        try {
            deleted = hosts.delete(editingId());
        } catch (CoreException e) {
            status.set("Not deleted: " + e.getMessage());
            return false;
        } catch (VaultException e) {
            status.set("Not deleted: " + e.getMessage() + ".");
            return false;
        }
        startNew();
        status.set("Deleted " + deleted.label() + "." + (deleted.unlinked().isEmpty() ? ""
                : " Now without that hop: " + String.join(", ", deleted.unlinked().stream().map(RecordRef::name)
                        .toList()) + "."));
        return true;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty hostnameProperty() {
        return hostname;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public ObjectProperty<AuthMethod> authProperty() {
        return auth;
    }

    public ObjectProperty<RecordChoice> keyProperty() {
        return key;
    }

    public ObjectProperty<RecordChoice> credentialProperty() {
        return credential;
    }

    public ObservableList<RecordChoice> keyChoices() {
        return keyChoices;
    }

    public ObservableList<RecordChoice> credentialChoices() {
        return credentialChoices;
    }

    /** The hosts to jump through, first hop first. */
    public ObservableList<RecordChoice> jumpHosts() {
        return jumpHosts;
    }

    /** Every other host, offered as a jump host. */
    public ObservableList<RecordChoice> jumpChoices() {
        return jumpChoices;
    }

    /** The forwards, one per line as ssh takes them ({@code -L 8080:localhost:80}). */
    public StringProperty forwardsProperty() {
        return forwards;
    }

    /** Tags separated by commas or spaces. */
    public StringProperty tagsProperty() {
        return tags;
    }

    /** The group's name; empty for none, a new name makes a new group on save. */
    public StringProperty groupProperty() {
        return group;
    }

    public ObservableList<String> groupNames() {
        return groupNames;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The record being edited, null for a new host. */
    public ObjectProperty<VaultRecord> editingProperty() {
        return editingRecord;
    }

    /**
     * Core's message for a field as it is typed, empty when the field is fine. {@link HostField#AUTH} also says
     * what is wrong with the key or saved password chosen.
     */
    public StringBinding errorProperty(HostField field) {
        return errors.get(field);
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
