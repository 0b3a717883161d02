package dev.termvault.sync.protocol.keys;

import java.util.List;

/**
 * The account's one-time recovery codes, answered once when a second factor is confirmed: the server keeps
 * only their hashes. Each code stands in for the second factor once. {@code toString()} never shows them.
 */
public record RecoveryCodes(List<String> recoveryCodes) {

    public RecoveryCodes {
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    @Override
    public String toString() {
        return "RecoveryCodes[" + recoveryCodes.size() + "]";
    }
}
