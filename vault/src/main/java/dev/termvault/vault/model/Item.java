package dev.termvault.vault.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The plaintext content of one vault record. The type and every field live inside the
 * ciphertext: nothing here is ever stored or sent in clear.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Host.class, name = "host"),
    @JsonSubTypes.Type(value = SshKey.class, name = "ssh-key"),
    @JsonSubTypes.Type(value = Credential.class, name = "credential"),
    @JsonSubTypes.Type(value = KnownHost.class, name = "known-host"),
    @JsonSubTypes.Type(value = Snippet.class, name = "snippet"),
    @JsonSubTypes.Type(value = Group.class, name = "group")
})
public sealed interface Item permits Host, SshKey, Credential, KnownHost, Snippet, Group {

    /** The kind of record, for listing and filtering once decrypted. */
    ItemType itemType();

    /** A short name a person recognises the record by (a host's label, a key's name...). */
    String displayName();
}
