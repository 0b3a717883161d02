package dev.termvault.app.core;

import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The hosts that log in with a key or a credential, and the rule for deleting one that is still in use: by
 * default the deletion is refused and the hosts are named; unlinking clears the reference on each of them.
 */
public final class HostLinks {

    /** Which reference of a host a record fills. */
    public enum Link {
        KEY("key", Host::keyId),
        CREDENTIAL("credential", Host::credentialId);

        private final String noun;
        private final Function<Host, String> reference;

        Link(String noun, Function<Host, String> reference) {
            this.noun = noun;
            this.reference = reference;
        }
    }

    private final Vault vault;

    public HostLinks(Vault vault) {
        this.vault = vault;
    }

    /** The hosts whose {@code link} is the record {@code id}, in list order. */
    public List<HostRef> using(Link link, String id) {
        return vault.list(ItemType.HOST).stream()
                .filter(r -> id.equals(link.reference.apply((Host) r.item())))
                .map(r -> new HostRef(r.id(), ((Host) r.item()).label()))
                .toList();
    }

    /** How many hosts refer to each record through {@code link}: record id to count. */
    public Map<String, Integer> countUses(Link link) {
        Map<String, Integer> counts = new HashMap<>();
        for (VaultRecord record : vault.list(ItemType.HOST)) {
            String id = link.reference.apply((Host) record.item());
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Applies the deletion rule before a record is deleted: with {@link WhenUsed#REFUSE} a record in use is
     * refused; with {@link WhenUsed#UNLINK} the hosts stop referring to it.
     *
     * @param name what the record is called, for the refusal
     * @return the hosts that were unlinked (empty when none used it)
     * @throws CoreException.NotConfirmed when hosts use it and {@code whenUsed} is REFUSE
     */
    public List<HostRef> release(Link link, String id, String name, WhenUsed whenUsed) {
        List<HostRef> hosts = using(link, id);
        if (hosts.isEmpty()) {
            return hosts;
        }
        if (whenUsed != WhenUsed.UNLINK) {
            throw new CoreException.NotConfirmed("The " + link.noun + " \"" + name + "\" is used by " + hosts.size()
                    + " host(s): " + String.join(", ", hosts.stream().map(HostRef::label).toList())
                    + ". Nothing was deleted. Delete it anyway to unlink it from them.");
        }
        UnaryOperator<Host> unlink = link == Link.KEY ? HostLinks::withoutKey : HostLinks::withoutCredential;
        for (HostRef ref : hosts) {
            VaultRecord record = vault.get(ref.id()).orElseThrow();
            vault.update(ref.id(), unlink.apply((Host) record.item()));
        }
        return hosts;
    }

    private static Host withoutKey(Host h) {
        return new Host(h.label(), h.hostname(), h.port(), h.username(), h.auth(), null, h.credentialId(),
                h.jumpHosts(), h.forwards(), h.tags(), h.groupId(), h.notes(), h.keepAliveSeconds(), h.environment(),
                h.agentForwarding(), h.legacyAlgorithms());
    }

    private static Host withoutCredential(Host h) {
        return new Host(h.label(), h.hostname(), h.port(), h.username(), h.auth(), h.keyId(), null,
                h.jumpHosts(), h.forwards(), h.tags(), h.groupId(), h.notes(), h.keepAliveSeconds(), h.environment(),
                h.agentForwarding(), h.legacyAlgorithms());
    }
}
