package dev.termvault.sync.protocol.keys;

/**
 * The answer to a TOTP enrolment: the key URI for an authenticator app ({@code otpauth://totp/Termvault:EMAIL?
 * secret=…&issuer=Termvault}, shown as a QR code), the same secret as base32 for typing in, the time (epoch
 * ms) before which the first code must confirm it, and the server's SRP proof M2 for the request's proof.
 * The factor is not active until confirmed. {@code toString()} never shows the secret.
 */
public record TotpEnrolment(String otpauthUri, String secret, long confirmBefore, byte[] m2) {

    @Override
    public String toString() {
        return "TotpEnrolment[confirmBefore=" + confirmBefore + "]";
    }
}
