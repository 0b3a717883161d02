package dev.termvault.sync.protocol.keys;

/** A device as the client names it: a stable id it generated (1 to 64 of A-Z a-z 0-9 . _ -) and a label. */
public record DeviceInfo(String id, String name) {
}
