package dev.termvault.app.core.knownhosts;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.ssh.KnownHostPatterns;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.KnownHost;
import java.util.List;
import java.util.Locale;

/**
 * The host keys a person has accepted: list and search them, and remove them. Removing a key means the next
 * connection to that host shows its key again and asks whether to trust it.
 */
public final class KnownHosts {

    private final Vault vault;

    public KnownHosts(Vault vault) {
        this.vault = vault;
    }

    /** Every accepted key, as the vault sorts them. */
    public List<KnownHostRow> list() {
        return vault.list(ItemType.KNOWN_HOST).stream().map(KnownHostRow::of).toList();
    }

    /**
     * The keys whose host, port, key type or fingerprint hold every word of {@code query} (ignoring case;
     * "revoked" finds the revoked ones). A blank query finds them all.
     */
    public List<KnownHostRow> search(String query) {
        String[] words = query == null ? new String[0] : query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return list().stream().filter(row -> row.matchesAll(words)).toList();
    }

    /** Removes one accepted key by its record id. */
    public KnownHostRow delete(String id) {
        VaultRecord record = vault.get(id).filter(r -> r.item() instanceof KnownHost)
                .orElseThrow(() -> new CoreException.NotFound("No accepted host key has the id " + id + "."));
        KnownHostRow row = KnownHostRow.of(record);
        vault.delete(id);
        return row;
    }

    /**
     * Removes the keys accepted for a host, as {@code ssh-keygen -R} does: every entry whose pattern is
     * {@code pattern} (ignoring case; {@code [name]:port} for another port than 22), and every hashed entry that
     * matches that name and port.
     *
     * @param keyType only keys of this type (e.g. {@code ssh-ed25519}, or its short name ED25519); null for all
     * @return the removed keys
     * @throws CoreException.NotFound when no key matches
     */
    public List<KnownHostRow> remove(String pattern, String keyType) {
        Target target = Target.of(pattern.strip());
        List<VaultRecord> matching = vault.list(ItemType.KNOWN_HOST).stream()
                .filter(r -> target.matches((KnownHost) r.item()))
                .filter(r -> keyType == null || typeMatches(KnownHostRow.of(r), keyType.strip()))
                .toList();
        if (matching.isEmpty()) {
            throw new CoreException.NotFound("No accepted host key is for " + pattern.strip()
                    + (keyType == null ? "" : " with key type " + keyType.strip()) + ".");
        }
        List<KnownHostRow> removed = matching.stream().map(KnownHostRow::of).toList();
        matching.forEach(r -> vault.delete(r.id()));
        return removed;
    }

    private static boolean typeMatches(KnownHostRow row, String keyType) {
        return row.keyType().equalsIgnoreCase(keyType) || row.typeLabel().equalsIgnoreCase(keyType);
    }

    /** A host a person names: {@code name} (port 22) or {@code [name]:port}. */
    private record Target(String text, String name, int port) {

        static Target of(String text) {
            if (text.startsWith("[")) {
                int close = text.indexOf("]:");
                if (close > 0) {
                    try {
                        return new Target(text, text.substring(1, close), Integer.parseInt(text.substring(close + 2)));
                    } catch (NumberFormatException e) {
                        return new Target(text, text, 22);
                    }
                }
            }
            return new Target(text, text, 22);
        }

        /** The record as named without its exclusions: {@code *.corp} for {@code *.corp,!secret.corp}. */
        private static String named(KnownHost known) {
            String names = KnownHostPatterns.withoutExclusions(known.hostPattern());
            return known.port() == 22 ? names : "[" + names + "]:" + known.port();
        }

        boolean matches(KnownHost known) {
            if (known.displayName().equalsIgnoreCase(text) || named(known).equalsIgnoreCase(text)) {
                return true;
            }
            boolean literal = name.chars().noneMatch(c -> c == '*' || c == '?' || c == ',' || c == '!');
            return known.hostPattern().startsWith("|1|") && literal && KnownHostPatterns.matches(known, name, port);
        }
    }
}
