package dev.termvault.sync.protocol.keys;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A device of the caller's account; times are epoch milliseconds, {@code revokedAt} absent when active. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceView(String id, String name, long createdAt, long lastSeenAt, Long revokedAt, boolean current) {
}
