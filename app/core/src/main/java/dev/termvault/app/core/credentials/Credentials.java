package dev.termvault.app.core.credentials;

import dev.termvault.app.core.HostLinks;
import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.NamedRecords;
import dev.termvault.app.core.WhenUsed;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.ItemType;
import java.util.List;
import java.util.Map;

/**
 * Saved usernames and passwords. Listings and details never carry a password; {@link #reveal} hands one out when
 * a person asks for it, and search never looks at passwords (the vault's search leaves secrets out). Names are
 * unique, so a credential is picked by name, or by its record id or a prefix of it.
 */
public final class Credentials {

    private final NamedRecords<Credential> credentials;
    private final HostLinks links;

    public Credentials(Vault vault) {
        this.credentials = new NamedRecords<>(vault, ItemType.CREDENTIAL, Credential.class, "credential",
                Credential::name);
        this.links = new HostLinks(vault);
    }

    /** Every credential, in list order, without passwords. */
    public List<CredentialRow> list() {
        Map<String, Integer> uses = links.countUses(HostLinks.Link.CREDENTIAL);
        return credentials.list().stream().map(r -> CredentialRow.of(r, uses.getOrDefault(r.id(), 0))).toList();
    }

    /**
     * The credential records whose name or username hold every word of {@code query}, for an editor: they hold
     * the password, which the editor shows only on request.
     */
    public List<VaultRecord> records(String query) {
        return credentials.search(query);
    }

    /** The credential {@code reference} names, with the hosts that use it; no password. */
    public CredentialDetails show(String reference) {
        VaultRecord record = credentials.require(reference);
        List<HostRef> hosts = links.using(HostLinks.Link.CREDENTIAL, record.id());
        return new CredentialDetails(CredentialRow.of(record, hosts.size()), hosts);
    }

    /** The password of the credential, when a person asked to see or copy it; null when it has none. */
    public String reveal(String reference) {
        return credentials.itemOf(credentials.require(reference)).password();
    }

    /**
     * Stores a new credential.
     *
     * @throws dev.termvault.app.core.CoreException.Invalid       for a blank name
     * @throws dev.termvault.app.core.CoreException.AlreadyExists when one of that name exists
     */
    public VaultRecord add(String name, String username, char[] password) {
        return credentials.add(checked(name, username, password));
    }

    /** Replaces every field of the credential {@code reference} names. */
    public VaultRecord update(String reference, String name, String username, char[] password) {
        return credentials.update(reference, checked(name, username, password));
    }

    /** Changes some fields of a credential; a null argument keeps that field as it is. */
    public VaultRecord edit(String reference, String newName, String newUsername, char[] newPassword) {
        Credential now = credentials.itemOf(credentials.require(reference));
        return credentials.update(reference, checked(
                newName != null ? newName : now.name(),
                newUsername != null ? newUsername : now.username(),
                newPassword != null ? newPassword : now.password() == null ? null : now.password().toCharArray()));
    }

    private Credential checked(String name, String username, char[] password) {
        return new Credential(credentials.checkedName(name),
                username == null || username.isBlank() ? null : username.strip(),
                password == null ? null : new String(password));
    }

    /** The hosts that log in with the credential. */
    public List<HostRef> usage(String reference) {
        return links.using(HostLinks.Link.CREDENTIAL, credentials.require(reference).id());
    }

    /**
     * Deletes a credential.
     *
     * @param whenUsed {@link WhenUsed#REFUSE} (the safe default) refuses when hosts log in with it and names them;
     *                 {@link WhenUsed#UNLINK} deletes it and clears their credential reference
     */
    public CredentialDeletion delete(String reference, WhenUsed whenUsed) {
        VaultRecord record = credentials.require(reference);
        CredentialRow row = show(record.id()).credential();
        List<HostRef> unlinked = links.release(HostLinks.Link.CREDENTIAL, record.id(), row.name(), whenUsed);
        credentials.delete(record);
        return new CredentialDeletion(row, unlinked);
    }
}
