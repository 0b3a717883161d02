package dev.termvault.app.gui.model;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.PortForward;
import dev.termvault.vault.model.SshKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Editing one host (a new one or an existing record): label, hostname, port, user, how it authenticates (and
 * with which key or credential), the hosts to jump through, port forwards, tags, group and notes; validated as
 * typed. Fields this editor does not show (keep-alive, environment, agent forwarding, legacy algorithms) are
 * kept as they were.
 */
public final class HostEditorViewModel {

    private final Vault vault;
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
    private final StringBinding labelError;
    private final StringBinding hostnameError;
    private final StringBinding portError;
    private final StringBinding authError;
    private final StringBinding forwardsError;
    private final StringBinding tagsError;
    private final BooleanBinding valid;
    private VaultRecord editing;

    public HostEditorViewModel(Vault vault) {
        this.vault = vault;
        labelError = Bindings.createStringBinding(
                () -> blank(label.get()) ? "A host needs a label." : "", label);
        hostnameError = Bindings.createStringBinding(() -> hostnameProblem(hostname.get()), hostname);
        portError = Bindings.createStringBinding(
                () -> parsePort(port.get()).isPresent() ? "" : "Port must be a number from 1 to 65535.", port);
        authError = Bindings.createStringBinding(this::authProblem, auth, key, credential);
        forwardsError = Bindings.createStringBinding(() -> {
            try {
                PortForwardText.parseAll(forwards.get());
                return "";
            } catch (IllegalArgumentException e) {
                return e.getMessage() + ".";
            }
        }, forwards);
        tagsError = Bindings.createStringBinding(
                () -> parseTags(tags.get()).stream().anyMatch(t -> t.startsWith("#") && t.length() == 1)
                        ? "A tag needs more than '#'." : "", tags);
        valid = labelError.isEmpty().and(hostnameError.isEmpty()).and(portError.isEmpty())
                .and(authError.isEmpty()).and(forwardsError.isEmpty()).and(tagsError.isEmpty());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String hostnameProblem(String text) {
        if (blank(text)) {
            return "A host needs a hostname or address.";
        }
        return text.strip().chars().anyMatch(Character::isWhitespace) ? "A hostname has no spaces." : "";
    }

    private String authProblem() {
        AuthMethod method = auth.get() == null ? AuthMethod.AUTO : auth.get();
        if (method == AuthMethod.KEY && key.get() == null) {
            return "Choose the SSH key this host logs in with.";
        }
        if (method == AuthMethod.PASSWORD && credential.get() == null) {
            return "Choose the saved password this host logs in with.";
        }
        return "";
    }

    static Optional<Integer> parsePort(String text) {
        if (text == null || !text.strip().matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text.strip());
        return value >= 1 && value <= 65535 ? Optional.of(value) : Optional.empty();
    }

    /** Tags from text separated by commas or spaces; a leading '#' is dropped, duplicates kept once. */
    static List<String> parseTags(String text) {
        if (blank(text)) {
            return List.of();
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String word : text.split("[,\\s]+")) {
            if (word.isEmpty()) {
                continue;
            }
            result.add(word.length() > 1 && word.startsWith("#") ? word.substring(1) : word);
        }
        return new ArrayList<>(result);
    }

    /** Starts a new host. */
    public void startNew() {
        editing = null;
        editingRecord.set(null);
        loadChoices();
        label.set("");
        hostname.set("");
        port.set("22");
        username.set("");
        auth.set(AuthMethod.AUTO);
        key.set(null);
        credential.set(null);
        jumpHosts.clear();
        forwards.set("");
        tags.set("");
        group.set("");
        notes.set("");
        status.set("");
    }

    /** Loads an existing host record. */
    public void edit(VaultRecord record) {
        Host host = (Host) record.item();
        editing = record;
        editingRecord.set(record);
        loadChoices();
        label.set(host.label());
        hostname.set(host.hostname());
        port.set(Integer.toString(host.port()));
        username.set(host.username() == null ? "" : host.username());
        auth.set(host.auth());
        key.set(find(keyChoices, host.keyId()));
        credential.set(find(credentialChoices, host.credentialId()));
        jumpHosts.setAll(host.jumpHosts().stream().map(id -> jumpChoices.stream().filter(c -> c.id().equals(id))
                .findFirst().orElse(new RecordChoice(id, "(deleted host)"))).toList());
        forwards.set(PortForwardText.formatAll(host.forwards()));
        tags.set(String.join(", ", host.tags()));
        group.set(host.groupId() == null ? "" : vault.get(host.groupId())
                .filter(r -> r.item() instanceof Group).map(r -> ((Group) r.item()).name()).orElse(""));
        notes.set(host.notes() == null ? "" : host.notes());
        status.set("");
    }

    /** Reads the keys, credentials, hosts and groups offered in the choice boxes again. */
    public void loadChoices() {
        RecordChoice keptKey = key.get();
        RecordChoice keptCredential = credential.get();
        String keptGroup = group.get();
        keyChoices.setAll(vault.list(ItemType.SSH_KEY).stream()
                .map(r -> new RecordChoice(r.id(), ((SshKey) r.item()).name())).toList());
        credentialChoices.setAll(vault.list(ItemType.CREDENTIAL).stream()
                .map(r -> new RecordChoice(r.id(), credentialName((Credential) r.item()))).toList());
        String self = editing == null ? null : editing.id();
        jumpChoices.setAll(vault.list(ItemType.HOST).stream().filter(r -> !r.id().equals(self))
                .map(r -> new RecordChoice(r.id(), ((Host) r.item()).label())).toList());
        groupNames.setAll(vault.list(ItemType.GROUP).stream().map(r -> ((Group) r.item()).name()).distinct()
                .toList());
        // A choice box clears its value when its items are replaced: put back what was chosen.
        key.set(keptKey == null ? null : find(keyChoices, keptKey.id()));
        credential.set(keptCredential == null ? null : find(credentialChoices, keptCredential.id()));
        group.set(keptGroup);
    }

    private static String credentialName(Credential credential) {
        return blank(credential.username()) ? credential.name()
                : credential.name() + " (" + credential.username() + ")";
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
        String user = blank(username.get()) ? null : username.get().strip();
        int portNumber = parsePort(port.get()).orElseThrow();
        AuthMethod method = auth.get() == null ? AuthMethod.AUTO : auth.get();
        String keyId = key.get() == null ? null : key.get().id();
        String credentialId = credential.get() == null ? null : credential.get().id();
        List<String> jumps = jumpHosts.stream().map(RecordChoice::id).toList();
        List<PortForward> forwardList = PortForwardText.parseAll(forwards.get());
        String note = blank(notes.get()) ? null : notes.get();
        try {
            String groupId = groupIdFor(group.get());
            Host old = editing == null ? Host.of("x", "x", 22, null) : (Host) editing.item();
            Host host = new Host(label.get().strip(), hostname.get().strip(), portNumber, user, method, keyId,
                    credentialId, jumps, forwardList, parseTags(tags.get()), groupId, note, old.keepAliveSeconds(),
                    old.environment(), old.agentForwarding(), old.legacyAlgorithms());
            VaultRecord saved = editing == null ? vault.add(host) : vault.update(editing.id(), host);
            editing = saved;
            editingRecord.set(saved);
            loadChoices();
            status.set("Saved.");
            return Optional.of(saved);
        } catch (VaultException e) {
            status.set("Not saved: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    private String groupIdFor(String name) {
        if (blank(name)) {
            return null;
        }
        String wanted = name.strip();
        return vault.list(ItemType.GROUP).stream()
                .filter(r -> ((Group) r.item()).name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .map(VaultRecord::id).findFirst()
                .orElseGet(() -> vault.add(new Group(wanted, null)).id());
    }

    /** Labels of the other hosts that jump through the host being edited (they lose that hop on delete). */
    public List<String> hostsJumpingThrough() {
        if (editing == null) {
            return List.of();
        }
        return vault.list(ItemType.HOST).stream()
                .filter(r -> ((Host) r.item()).jumpHosts().contains(editing.id()))
                .map(r -> ((Host) r.item()).label()).toList();
    }

    /**
     * Deletes the host being edited (after the person confirmed) and starts a new one. Hosts that jumped
     * through it lose that hop.
     *
     * @return whether a host was deleted
     */
    public boolean delete() {
        if (editing == null) {
            return false;
        }
        String id = editing.id();
        String name = ((Host) editing.item()).label();
        try {
            for (VaultRecord other : vault.list(ItemType.HOST)) {
                Host host = (Host) other.item();
                if (host.jumpHosts().contains(id)) {
                    List<String> kept = host.jumpHosts().stream().filter(j -> !j.equals(id)).toList();
                    vault.update(other.id(), withJumpHosts(host, kept));
                }
            }
            vault.delete(id);
        } catch (VaultException e) {
            status.set("Not deleted: " + e.getMessage() + ".");
            return false;
        }
        startNew();
        status.set("Deleted " + name + ".");
        return true;
    }

    private static Host withJumpHosts(Host h, List<String> jumps) {
        return new Host(h.label(), h.hostname(), h.port(), h.username(), h.auth(), h.keyId(), h.credentialId(),
                jumps, h.forwards(), h.tags(), h.groupId(), h.notes(), h.keepAliveSeconds(), h.environment(),
                h.agentForwarding(), h.legacyAlgorithms());
    }

    /** The ways a host can log in, in the order the editor offers them. */
    public static List<AuthMethod> authMethods() {
        return Arrays.asList(AuthMethod.values());
    }

    /** What the editor calls each way to log in. */
    public static String authName(AuthMethod method) {
        return switch (method) {
            case AUTO -> "Automatic (key, then password, then prompts)";
            case KEY -> "SSH key";
            case PASSWORD -> "Saved password";
            case KEYBOARD_INTERACTIVE -> "Ask me (keyboard-interactive)";
        };
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

    public StringBinding labelErrorProperty() {
        return labelError;
    }

    public StringBinding hostnameErrorProperty() {
        return hostnameError;
    }

    public StringBinding portErrorProperty() {
        return portError;
    }

    public StringBinding authErrorProperty() {
        return authError;
    }

    public StringBinding forwardsErrorProperty() {
        return forwardsError;
    }

    public StringBinding tagsErrorProperty() {
        return tagsError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}
