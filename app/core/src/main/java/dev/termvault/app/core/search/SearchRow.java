package dev.termvault.app.core.search;

import dev.termvault.vault.model.ItemType;

/**
 * One record found by a search across the vault.
 *
 * @param type   what kind of record it is
 * @param name   what a person calls it (a host's label, a key's name...)
 * @param id     the record id
 * @param detail a short line about it that never holds a secret (a host's target, a key's type, a credential's
 *               login, a snippet's first command line)
 */
public record SearchRow(ItemType type, String name, String id, String detail) {
}
