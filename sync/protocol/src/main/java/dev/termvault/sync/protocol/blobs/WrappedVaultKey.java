package dev.termvault.sync.protocol.blobs;

/** An opaque wrapped vault key (base64 on the wire) for one key version of a vault. */
public record WrappedVaultKey(int keyVersion, byte[] wrappedKey) {
}
