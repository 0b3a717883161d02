package dev.termvault.app.core.hosts;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.RecordLookup;
import dev.termvault.app.ssh.SshConnector;
import dev.termvault.app.ssh.openssh.ForwardLine;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.PortForward;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a host draft must meet, in one place: what is checked without the vault (label, hostname, port,
 * forward syntax, tags, a way to log in that needs a key or password) and what needs it (a unique label, the key,
 * credential and jump hosts named exist, and the jump chain neither holds the host itself nor a host twice).
 *
 * <p>A jump chain is flat, as the SSH engine follows it: the engine connects through the listed hosts in order
 * and does not follow a hop's own chain. So the only loops a chain can make are the host itself and a hop given
 * twice, and both are refused.
 */
final class HostRules {

    /** The longest jump chain the SSH engine follows. */
    static final int MAX_JUMP_HOSTS = SshConnector.MAX_JUMP_HOSTS;

    private HostRules() {
    }

    /** The ids the draft's references name, once they are known to be valid. */
    record References(String keyId, String credentialId, List<String> jumpIds) {
    }

    static Map<String, String> formProblems(HostDraft draft, boolean newPassword) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(draft.label())) {
            errors.put(HostField.LABEL.key(), "A host needs a label.");
        }
        if (blank(draft.hostname())) {
            errors.put(HostField.HOSTNAME.key(), "A host needs a hostname or address.");
        } else if (draft.hostname().strip().chars().anyMatch(Character::isWhitespace)) {
            errors.put(HostField.HOSTNAME.key(), "A hostname has no spaces.");
        }
        if (port(draft.port()).isEmpty()) {
            errors.put(HostField.PORT.key(), "Port must be between 1 and 65535.");
        }
        authProblem(draft, newPassword).ifPresent(message -> errors.put(HostField.AUTH.key(), message));
        forwardProblem(draft.forwards()).ifPresent(message -> errors.put(HostField.FORWARDS.key(), message));
        tagProblem(draft.tags()).ifPresent(message -> errors.put(HostField.TAGS.key(), message));
        return errors;
    }

    private static Optional<String> authProblem(HostDraft draft, boolean newPassword) {
        if (draft.auth() == AuthMethod.KEY && blank(draft.key())) {
            return Optional.of("Choose the SSH key this host logs in with.");
        }
        if (draft.auth() == AuthMethod.PASSWORD && blank(draft.credential()) && !newPassword) {
            return Optional.of("Choose the saved password this host logs in with.");
        }
        return Optional.empty();
    }

    private static Optional<String> forwardProblem(List<String> forwards) {
        for (int i = 0; i < forwards.size(); i++) {
            String entry = forwards.get(i);
            if (blank(entry)) {
                continue;
            }
            try {
                ForwardLine.parse(entry);
            } catch (IllegalArgumentException e) {
                return Optional.of("Forward " + (i + 1) + " (" + entry.strip() + "): " + e.getMessage() + ".");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tagProblem(List<String> tags) {
        for (String tag : tags) {
            String normal = HostDraft.tag(tag);
            if (normal.equals("#")) {
                return Optional.of("A tag needs more than '#'.");
            }
            if (normal.chars().anyMatch(c -> c == ',' || Character.isWhitespace(c))) {
                return Optional.of("A tag has no spaces or commas: '" + normal + "'.");
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves the key, credential and jump hosts the draft names, adding a message per field that does not
     * resolve, and checks the label is not another host's.
     *
     * @param editingId the record id of the host being edited, null for a new host
     */
    static References references(Vault vault, HostDraft draft, String editingId, boolean newPassword,
            Map<String, String> errors) {
        if (!blank(draft.label()) && labelTaken(vault, draft.label().strip(), editingId)) {
            errors.putIfAbsent(HostField.LABEL.key(), "Another host is labelled " + draft.label().strip()
                    + " already.");
        }
        String keyId = lookup(vault, ItemType.SSH_KEY, "SSH key", draft.key(), HostField.KEY, errors);
        String credentialId = lookup(vault, ItemType.CREDENTIAL, "credential", draft.credential(),
                HostField.CREDENTIAL, errors);
        if (credentialId != null && newPassword) {
            errors.put(HostField.CREDENTIAL.key(), "Give a saved credential or a new password, not both.");
        }
        return new References(keyId, credentialId, jumpIds(vault, draft.jumpHosts(), editingId, errors));
    }

    private static boolean labelTaken(Vault vault, String label, String editingId) {
        String folded = label.toLowerCase(Locale.ROOT);
        return vault.list(ItemType.HOST).stream().anyMatch(r -> !r.id().equals(editingId)
                && ((Host) r.item()).label().toLowerCase(Locale.ROOT).equals(folded));
    }

    private static String lookup(Vault vault, ItemType type, String noun, String reference, HostField field,
            Map<String, String> errors) {
        if (blank(reference)) {
            return null;
        }
        try {
            return RecordLookup.require(vault, type, noun, reference.strip(), r -> r.item().displayName()).id();
        } catch (CoreException e) {
            errors.put(field.key(), e.getMessage());
            return null;
        }
    }

    private static List<String> jumpIds(Vault vault, List<String> references, String editingId,
            Map<String, String> errors) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String reference : references) {
            if (blank(reference)) {
                continue;
            }
            VaultRecord hop;
            try {
                hop = RecordLookup.require(vault, ItemType.HOST, "host", reference.strip(),
                        r -> r.item().displayName());
            } catch (CoreException e) {
                errors.put(HostField.JUMP_HOSTS.key(), e.getMessage());
                return List.of();
            }
            String problem = hop.id().equals(editingId) ? "A host cannot jump through itself."
                    : !ids.add(hop.id()) ? hop.item().displayName() + " is in the jump chain twice." : null;
            if (problem != null) {
                errors.put(HostField.JUMP_HOSTS.key(), problem);
                return List.of();
            }
        }
        if (ids.size() > MAX_JUMP_HOSTS) {
            errors.put(HostField.JUMP_HOSTS.key(), "A host jumps through at most " + MAX_JUMP_HOSTS + " hosts.");
        }
        return new ArrayList<>(ids);
    }

    /** The port a text names, when it is a number from 1 to 65535. */
    static Optional<Integer> port(String text) {
        if (text == null || !text.strip().matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text.strip());
        return value >= 1 && value <= 65535 ? Optional.of(value) : Optional.empty();
    }

    /** The forwards of a draft whose forwards were checked. */
    static List<PortForward> forwards(List<String> entries) {
        return entries.stream().filter(e -> !blank(e)).map(ForwardLine::parse).toList();
    }

    /** The tags of a draft whose tags were checked: without '#', each once, in order. */
    static List<String> tags(List<String> tags) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        tags.stream().map(HostDraft::tag).filter(t -> !t.isEmpty()).forEach(result::add);
        return new ArrayList<>(result);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String orNull(String text) {
        return blank(text) ? null : text.strip();
    }
}
