package dev.termvault.app.core.credentials;

import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;

/**
 * One credential as both front ends list it. It never holds the password: only whether there is one.
 *
 * @param id          the record id
 * @param name        the credential's name
 * @param username    the login name, or null
 * @param hasPassword whether a password is stored
 * @param usedBy      how many hosts log in with it
 */
public record CredentialRow(String id, String name, String username, boolean hasPassword, int usedBy) {

    static CredentialRow of(VaultRecord record, int usedBy) {
        Credential credential = (Credential) record.item();
        return new CredentialRow(record.id(), credential.name(), credential.username(),
                credential.password() != null && !credential.password().isEmpty(), usedBy);
    }
}
