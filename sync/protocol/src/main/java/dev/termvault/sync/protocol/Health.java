package dev.termvault.sync.protocol;

import java.util.List;

/** {@code GET /health}: {@code status} is "ok" when every role's store answers, else "degraded". */
public record Health(String status, List<String> roles, String version) {
}
