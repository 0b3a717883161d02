package dev.termvault.sync.server.auth;

/** Answers whether a device was revoked; a revoked device's tokens are refused however fresh they are. */
@FunctionalInterface
public interface RevokedDevices {
    boolean isRevoked(String deviceId);
}
