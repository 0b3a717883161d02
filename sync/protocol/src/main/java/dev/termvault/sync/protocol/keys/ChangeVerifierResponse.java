package dev.termvault.sync.protocol.keys;

/** The server's M2 for the proof that authorised the change. */
public record ChangeVerifierResponse(byte[] m2) {
}
