package dev.termvault.app.gui.model;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Editing one host (a new one or an existing record): label, hostname, port and user, validated as typed.
 * Fields this editor does not show yet (auth, jump hosts, forwards, tags...) are kept as they were.
 */
public final class HostEditorViewModel {

    private final Vault vault;
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty hostname = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringBinding labelError;
    private final StringBinding hostnameError;
    private final StringBinding portError;
    private final BooleanBinding valid;
    private VaultRecord editing;

    public HostEditorViewModel(Vault vault) {
        this.vault = vault;
        labelError = Bindings.createStringBinding(
                () -> blank(label.get()) ? "A host needs a label." : "", label);
        hostnameError = Bindings.createStringBinding(() -> hostnameProblem(hostname.get()), hostname);
        portError = Bindings.createStringBinding(
                () -> parsePort(port.get()).isPresent() ? "" : "Port must be a number from 1 to 65535.", port);
        valid = labelError.isEmpty().and(hostnameError.isEmpty()).and(portError.isEmpty());
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

    static Optional<Integer> parsePort(String text) {
        if (text == null || !text.strip().matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text.strip());
        return value >= 1 && value <= 65535 ? Optional.of(value) : Optional.empty();
    }

    /** Starts a new host. */
    public void startNew() {
        editing = null;
        label.set("");
        hostname.set("");
        port.set("22");
        username.set("");
        status.set("");
    }

    /** Loads an existing host record. */
    public void edit(VaultRecord record) {
        Host host = (Host) record.item();
        editing = record;
        label.set(host.label());
        hostname.set(host.hostname());
        port.set(Integer.toString(host.port()));
        username.set(host.username() == null ? "" : host.username());
        status.set("");
    }

    /**
     * Saves when valid.
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
        try {
            VaultRecord saved;
            if (editing == null) {
                saved = vault.put(Host.of(label.get().strip(), hostname.get().strip(), portNumber, user));
            } else {
                Host old = (Host) editing.item();
                saved = vault.put(editing.id(), new Host(label.get().strip(), hostname.get().strip(), portNumber,
                        user, old.auth(), old.keyId(), old.credentialId(), old.jumpHosts(), old.forwards(),
                        old.tags(), old.groupId(), old.notes(), old.keepAliveSeconds(), old.environment(),
                        old.agentForwarding(), old.legacyAlgorithms()));
            }
            editing = saved;
            status.set("Saved.");
            return Optional.of(saved);
        } catch (VaultException e) {
            status.set("Not saved: " + e.getMessage() + ".");
            return Optional.empty();
        }
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

    public StringProperty statusProperty() {
        return status;
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

    public BooleanBinding validProperty() {
        return valid;
    }
}
