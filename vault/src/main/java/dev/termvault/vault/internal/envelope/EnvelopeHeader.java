package dev.termvault.vault.internal.envelope;

/**
 * What {@link Envelopes#peek} can tell without keys: the format, the address the envelope claims and
 * the vault-key version its DEK is wrapped under. None of it is authenticated until
 * {@link Envelopes#open} succeeds.
 *
 * @param paddedLength the length of the padded plaintext (the size bucket), which the server sees too
 */
public record EnvelopeHeader(int formatVersion, int algorithmId, RecordAddress address, int vaultKeyVersion,
                             int paddedLength) {
}
