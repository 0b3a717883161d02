package dev.termvault.vault;

import java.time.Duration;

/**
 * How the last successful unlock spent its time, for benchmarks and diagnostics. Contains no secret.
 *
 * @param keyDerivation Argon2id and the HKDF steps that turn the password into K_user
 * @param load          everything after: unwrap the share and the vault keys, read, open, parse and index records
 * @param records       records loaded
 * @param unreadable    records that failed to open (see {@link Vault#unreadable()})
 */
public record UnlockStats(Duration keyDerivation, Duration load, int records, int unreadable) {
}
