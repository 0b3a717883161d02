package dev.termvault.app.core.hosts;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.RecordLookup;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The hosts of a vault: list, search and show them; add and edit them from a {@link HostDraft} checked by one set
 * of rules; delete one while keeping every other host's jump chain whole.
 *
 * <p>Deleting a host removes it from the jump chain of every host that jumped through it; the rest of each chain
 * stays, in order (a host that went through A, B, C goes through A, C once B is deleted), and the result names
 * the hosts that changed. A new password for a host is stored as the vault model keeps passwords: a
 * {@link Credential} named after the host, which the host points at.
 */
public final class Hosts {

    private final Vault vault;
    private final HostReader reader;

    public Hosts(Vault vault) {
        this.vault = vault;
        this.reader = new HostReader(vault);
    }

    /** The host records matching {@code query} through the vault's search (every field; never a secret). */
    public List<VaultRecord> find(String query) {
        return vault.search(query == null ? "" : query).stream().filter(r -> r.item() instanceof Host).toList();
    }

    /** Every readable host, as the vault sorts them. */
    public List<HostView> list() {
        return vault.list(ItemType.HOST).stream().map(reader::view).toList();
    }

    /** The host a person names (label, id or id prefix; see {@link RecordLookup}). */
    public VaultRecord require(String reference) {
        return RecordLookup.require(vault, ItemType.HOST, "host", reference, r -> r.item().displayName());
    }

    public HostView show(String reference) {
        return reader.view(require(reference));
    }

    public HostView view(VaultRecord record) {
        return reader.view(record);
    }

    /** The host as a draft to edit: key, credential and jump hosts by record id, forwards as text. */
    public HostDraft draftOf(VaultRecord record) {
        return reader.draft(record);
    }

    /** What a host may point at; {@code editingId} (the host being edited, or null) is not offered as a hop. */
    public HostChoices choices(String editingId) {
        List<RecordRef> jumps = vault.list(ItemType.HOST).stream().filter(r -> !r.id().equals(editingId))
                .map(r -> new RecordRef(r.id(), r.item().displayName())).toList();
        List<String> groups = vault.list(ItemType.GROUP).stream().map(r -> ((Group) r.item()).name()).distinct()
                .toList();
        return new HostChoices(HostReader.refs(vault.list(ItemType.SSH_KEY)),
                vault.list(ItemType.CREDENTIAL).stream().map(HostReader::credentialChoice).toList(), jumps, groups);
    }

    /** Every group's name by its record id. */
    public Map<String, String> groupNames() {
        return vault.list(ItemType.GROUP).stream()
                .collect(Collectors.toMap(VaultRecord::id, r -> ((Group) r.item()).name()));
    }

    /** The other hosts whose jump chain holds the host with that id (they lose that hop if it is deleted). */
    public List<RecordRef> jumpingThrough(String id) {
        return vault.list(ItemType.HOST).stream().filter(r -> ((Host) r.item()).jumpHosts().contains(id))
                .map(r -> new RecordRef(r.id(), r.item().displayName())).toList();
    }

    /**
     * Every problem of the draft, one message per field ({@link HostField#key()}); empty when it can be saved.
     *
     * @param editingId   the record id of the host being edited, null for a new host
     * @param newPassword whether a new password comes with it
     */
    public Map<String, String> problems(HostDraft draft, String editingId, boolean newPassword) {
        Map<String, String> errors = new LinkedHashMap<>(draft.problems(newPassword));
        HostRules.references(vault, draft, editingId, newPassword, errors);
        return errors;
    }

    /**
     * Refuses a draft that has {@link #problems}, before anything is asked or stored.
     *
     * @throws CoreException.Invalid with a message per field
     */
    public void requireValid(HostDraft draft, String editingId, boolean newPassword) {
        Map<String, String> errors = problems(draft, editingId, newPassword);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    /**
     * Adds a host.
     *
     * @param password a new password to log in with (stored as a credential the host points at), or null
     * @throws CoreException.Invalid with a message per field when the draft breaks a rule
     */
    public SavedHost add(HostDraft draft, char[] password) {
        return save(null, draft, password);
    }

    /**
     * Replaces the host {@code reference} names with the draft. Fields a draft does not hold (keep-alive,
     * environment, agent forwarding, legacy algorithms) are kept as they were.
     */
    public SavedHost edit(String reference, HostDraft draft, char[] password) {
        return save(require(reference), draft, password);
    }

    private SavedHost save(VaultRecord editing, HostDraft draft, char[] password) {
        boolean newPassword = password != null;
        Map<String, String> errors = new LinkedHashMap<>(draft.problems(newPassword));
        HostRules.References refs = HostRules.references(vault, draft, editing == null ? null : editing.id(),
                newPassword, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        RecordRef credential = newPassword ? newCredential(draft, password) : null;
        String groupId = groupId(draft.group());
        RecordRef newGroup = groupId != null || HostRules.blank(draft.group()) ? null : newGroup(draft.group());
        Host old = editing == null ? Host.of("-", "-", 22, null) : (Host) editing.item();
        Host host = new Host(draft.label().strip(), draft.hostname().strip(), HostRules.port(draft.port()).orElseThrow(),
                HostRules.orNull(draft.user()), draft.auth(), refs.keyId(),
                credential != null ? credential.id() : refs.credentialId(), refs.jumpIds(),
                HostRules.forwards(draft.forwards()), HostRules.tags(draft.tags()),
                newGroup != null ? newGroup.id() : groupId, HostRules.blank(draft.notes()) ? null : draft.notes(),
                old.keepAliveSeconds(), old.environment(), old.agentForwarding(), old.legacyAlgorithms());
        VaultRecord saved = editing == null ? vault.add(host) : vault.update(editing.id(), host);
        return new SavedHost(saved, credential, newGroup);
    }

    /** The refusal for a draft's problems: the messages in one sentence, and one per field. */
    static CoreException.Invalid invalid(Map<String, String> errors) {
        return new CoreException.Invalid("The host was not saved: " + String.join(" ", errors.values()), errors);
    }

    private RecordRef newCredential(HostDraft draft, char[] password) {
        String base = draft.label().strip() + " password";
        String name = base;
        for (int n = 2; taken(ItemType.CREDENTIAL, name); n++) {
            name = base + " " + n;
        }
        VaultRecord stored = vault.add(new Credential(name, HostRules.orNull(draft.user()), new String(password)));
        return new RecordRef(stored.id(), name);
    }

    private boolean taken(ItemType type, String name) {
        String folded = name.toLowerCase(Locale.ROOT);
        return vault.list(type).stream().anyMatch(r -> r.item().displayName().toLowerCase(Locale.ROOT).equals(folded));
    }

    /** The id of the group with that name (ignoring case), null for a blank name or a name no group has. */
    private String groupId(String name) {
        if (HostRules.blank(name)) {
            return null;
        }
        String folded = name.strip().toLowerCase(Locale.ROOT);
        Optional<VaultRecord> group = vault.list(ItemType.GROUP).stream()
                .filter(r -> ((Group) r.item()).name().toLowerCase(Locale.ROOT).equals(folded)).findFirst();
        return group.map(VaultRecord::id).orElse(null);
    }

    private RecordRef newGroup(String name) {
        VaultRecord stored = vault.add(new Group(name.strip(), null));
        return new RecordRef(stored.id(), name.strip());
    }

    /**
     * Deletes the host {@code reference} names, after removing it from the jump chain of every host that jumped
     * through it (each keeps the rest of its chain, in order).
     */
    public DeletedHost delete(String reference) {
        VaultRecord target = require(reference);
        String id = target.id();
        List<RecordRef> unlinked = new ArrayList<>();
        for (VaultRecord other : vault.list(ItemType.HOST)) {
            Host host = (Host) other.item();
            if (!other.id().equals(id) && host.jumpHosts().contains(id)) {
                vault.update(other.id(), withJumpHosts(host, host.jumpHosts().stream().filter(j -> !j.equals(id))
                        .toList()));
                unlinked.add(new RecordRef(other.id(), host.label()));
            }
        }
        vault.delete(id);
        return new DeletedHost(id, target.item().displayName(), unlinked);
    }

    private static Host withJumpHosts(Host h, List<String> jumps) {
        return new Host(h.label(), h.hostname(), h.port(), h.username(), h.auth(), h.keyId(), h.credentialId(),
                jumps, h.forwards(), h.tags(), h.groupId(), h.notes(), h.keepAliveSeconds(), h.environment(),
                h.agentForwarding(), h.legacyAlgorithms());
    }
}
