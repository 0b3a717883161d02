package dev.termvault.sync.protocol.keys;

/**
 * {@code POST /v1/keys/signup}. {@code verifier} is the SRP-6a verifier v = g^x mod N (RFC 5054 4096-bit
 * group), unsigned big-endian; {@code salt} is the Argon2id salt (16 to 64 bytes). Byte fields are base64.
 */
public record SignupRequest(String email, byte[] salt, WireKdfParams kdf, byte[] verifier, DeviceInfo device) {
}
