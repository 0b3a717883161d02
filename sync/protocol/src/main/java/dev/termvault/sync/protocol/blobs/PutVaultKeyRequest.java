package dev.termvault.sync.protocol.blobs;

/** {@code PUT /v1/vaults/{id}/keys/{version}}: the wrapped key bytes (base64 on the wire). */
public record PutVaultKeyRequest(byte[] wrappedKey) {
}
