package dev.termvault.sync.protocol.keys;

/**
 * {@code POST /v1/keys/signup}. {@code verifier} is the SRP-6a verifier v = g^x mod N (RFC 5054 4096-bit
 * group), unsigned big-endian; {@code salt} is the Argon2id salt (16 to 64 bytes). Byte fields are base64.
 * {@code code} is the sign-up code the server's policy asks for: the one it sent to {@code email}, or an
 * invite an operator issued for {@code email}; null to ask for one (docs/sync/protocol.md, "Sign-up").
 */
public record SignupRequest(String email, byte[] salt, WireKdfParams kdf, byte[] verifier, DeviceInfo device,
                            String code) {

    /** A request without a sign-up code. */
    public SignupRequest(String email, byte[] salt, WireKdfParams kdf, byte[] verifier, DeviceInfo device) {
        this(email, salt, kdf, verifier, device, null);
    }
}
