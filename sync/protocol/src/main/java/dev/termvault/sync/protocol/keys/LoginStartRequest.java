package dev.termvault.sync.protocol.keys;

/** {@code POST /v1/keys/login/start}. */
public record LoginStartRequest(String email) {
}
