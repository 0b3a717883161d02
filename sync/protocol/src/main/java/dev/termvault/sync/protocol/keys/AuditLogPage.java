package dev.termvault.sync.protocol.keys;

import java.util.List;

/** {@code GET /v1/keys/audit?after=N&limit=M}: entries after seq N, and the current head of the chain. */
public record AuditLogPage(String accountId, List<AuditEntryView> entries, long headSeq, String headHash) {
}
