package dev.termvault.sync.protocol.keys;

/**
 * The server's first SRP message: the account's salt and KDF parameters, B (512 bytes, unsigned big-endian),
 * and the id of this login attempt (valid for 2 minutes, one use). Unknown emails get a stable made-up salt.
 */
public record LoginStartResponse(String loginId, byte[] salt, WireKdfParams kdf, byte[] b) {
}
