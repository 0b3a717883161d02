package dev.termvault.sync.protocol.keys;

/** {@code POST /v1/keys/login/finish}: the client's A and M1 for {@code loginId}, and the device logging in. */
public record LoginFinishRequest(String loginId, byte[] a, byte[] m1, DeviceInfo device) {
}
