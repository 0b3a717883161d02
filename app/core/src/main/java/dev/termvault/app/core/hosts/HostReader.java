package dev.termvault.app.core.hosts;

import dev.termvault.app.ssh.openssh.ForwardLine;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import java.util.List;

/** Turns stored hosts into what the front ends show ({@link HostView}) and edit ({@link HostDraft}). */
final class HostReader {

    private final Vault vault;

    HostReader(Vault vault) {
        this.vault = vault;
    }

    HostView view(VaultRecord record) {
        Host h = (Host) record.item();
        RecordRef group = group(h.groupId());
        return new HostView(record.id(), record.revision(), h.label(), h.hostname(), h.port(), h.username(),
                h.auth(), h.keyId(), h.credentialId(), h.jumpHosts(), h.forwards(), h.tags(), h.groupId(), h.notes(),
                h.keepAliveSeconds(), h.environment(), h.agentForwarding(), h.legacyAlgorithms(), name(h.keyId()),
                name(h.credentialId()), h.jumpHosts().stream().map(this::name).toList(),
                h.forwards().stream().map(ForwardLine::format).toList(), group == null ? null : group.name());
    }

    /** The current name of the record with that id, null when there is none. */
    private String name(String id) {
        return id == null ? null : vault.get(id).map(r -> r.item().displayName()).orElse(null);
    }

    /** The host as a draft: references by record id, forwards as text, the group by name. */
    HostDraft draft(VaultRecord record) {
        Host host = (Host) record.item();
        RecordRef group = group(host.groupId());
        return new HostDraft(host.label(), host.hostname(), Integer.toString(host.port()), host.username(),
                host.auth(), host.keyId(), host.credentialId(), host.jumpHosts(),
                host.forwards().stream().map(ForwardLine::format).toList(), host.tags(),
                group == null ? null : group.name(), host.notes());
    }

    private RecordRef group(String id) {
        if (id == null) {
            return null;
        }
        return vault.get(id).filter(r -> r.item() instanceof Group)
                .map(r -> new RecordRef(id, ((Group) r.item()).name())).orElse(null);
    }

    /** What a credential is called in a choice: its name, and its login when it has one. */
    static RecordRef credentialChoice(VaultRecord record) {
        Credential credential = (Credential) record.item();
        String name = HostRules.blank(credential.username()) ? credential.name()
                : credential.name() + " (" + credential.username() + ")";
        return new RecordRef(record.id(), name);
    }

    static List<RecordRef> refs(List<VaultRecord> records) {
        return records.stream().map(r -> new RecordRef(r.id(), r.item().displayName())).toList();
    }
}
