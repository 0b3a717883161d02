package dev.termvault.app.desktop.hosts;

import dev.termvault.vault.model.Host;
import java.util.Objects;

/**
 * One entry of the host list's group and tag selector: every host, the hosts of one group, the hosts in no
 * group, or the hosts with one tag; with how many hosts of the current search it holds.
 *
 * @param kind  what it selects
 * @param key   the group's record id or the tag; empty for {@link Kind#ALL} and {@link Kind#UNGROUPED}
 * @param name  what the person sees
 * @param count how many hosts of the current search it holds
 */
public record HostFilter(Kind kind, String key, String name, int count) {

    /** What a filter selects. */
    public enum Kind { ALL, GROUP, UNGROUPED, TAG }

    /** Every host, before the counts are known. */
    public static final HostFilter ALL = new HostFilter(Kind.ALL, "", "All hosts", 0);

    public HostFilter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Whether {@code host} belongs to this filter.
     *
     * @param knownGroup whether the host's group id names a group that exists
     */
    public boolean matches(Host host, boolean knownGroup) {
        return switch (kind) {
            case ALL -> true;
            case GROUP -> key.equals(host.groupId());
            case UNGROUPED -> host.groupId() == null || !knownGroup;
            case TAG -> host.tags().contains(key);
        };
    }

    /** Whether {@code other} selects the same hosts (whatever the counts). */
    public boolean sameSelection(HostFilter other) {
        return other != null && kind == other.kind && key.equals(other.key);
    }

    /** The text in the selector: the name and the count. */
    @Override
    public String toString() {
        return switch (kind) {
            case TAG -> "#" + name + "  (" + count + ")";
            default -> name + "  (" + count + ")";
        };
    }
}
