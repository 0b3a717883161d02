package dev.termvault.sync.protocol.keys;

/** {@code PATCH /v1/keys/devices/{id}}. */
public record RenameDeviceRequest(String name) {
}
