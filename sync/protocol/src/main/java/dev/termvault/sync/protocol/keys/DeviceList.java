package dev.termvault.sync.protocol.keys;

import java.util.List;

/** {@code GET /v1/keys/devices}. */
public record DeviceList(List<DeviceView> devices) {
}
