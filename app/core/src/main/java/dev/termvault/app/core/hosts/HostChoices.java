package dev.termvault.app.core.hosts;

import java.util.List;

/**
 * What a host can point at, for a form's choice boxes: the keys, the credentials (named with their login), the
 * other hosts to jump through, and the group names.
 */
public record HostChoices(List<RecordRef> keys, List<RecordRef> credentials, List<RecordRef> jumpHosts,
                          List<String> groups) {
}
