/**
 * The records the vault's sync side ({@code Vault.sync()}) speaks in: the account link, what is pending,
 * the base version of each record, where a record stands, and a version as the server served it. Plain
 * values with no dependencies; all sealing and opening stays inside the vault.
 */
package dev.termvault.vault.sync;

