package dev.termvault.app.core.knownhosts;

import dev.termvault.app.ssh.keys.Fingerprints;
import dev.termvault.app.ssh.keys.PublicKeyLine;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.KnownHost;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One accepted host key, as the desktop's Known hosts screen and {@code termvault known-hosts list} show it.
 *
 * @param id          the record id
 * @param hostPattern the host pattern as stored (a hashed entry as {@code |1|salt|hash})
 * @param host        the host pattern as a person reads it; a hashed entry shows as "hashed name"
 * @param hashed      whether the entry is hashed: the host name cannot be shown
 * @param port        the port
 * @param keyType     the SSH key type name
 * @param fingerprint {@code SHA256:...} of the key, or a note when the key cannot be read
 * @param added       when the key was first accepted, null when not known
 * @param revision    the record's revision: 1 as accepted, more once it was changed (a key replaced, revoked)
 * @param revoked     whether the key is marked revoked (always refused)
 */
public record KnownHostRow(String id, String hostPattern, String host, boolean hashed, int port, String keyType,
                           String fingerprint, Instant added, long revision, boolean revoked) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public static KnownHostRow of(VaultRecord record) {
        KnownHost known = (KnownHost) record.item();
        boolean hashed = known.hostPattern().startsWith("|1|");
        String fingerprint;
        try {
            fingerprint = Fingerprints.sha256(PublicKeyLine.parse(known.keyType() + " " + known.key()).key());
        } catch (SshKeyException | RuntimeException e) {
            fingerprint = "(key unreadable)";
        }
        return new KnownHostRow(record.id(), known.hostPattern(), hashed ? "hashed name" : known.hostPattern(),
                hashed, known.port(), known.keyType(), fingerprint, known.firstSeen(), record.revision(),
                known.revoked());
    }

    /** The day the key was accepted, in the given zone, or "unknown". */
    public String addedText(ZoneId zone) {
        return added == null ? "unknown" : DAY.format(added.atZone(zone));
    }

    /** The host as ssh writes it: {@code name} on port 22, else {@code [name]:port}. */
    public String hostAndPort() {
        return port == 22 || hashed ? host : "[" + host + "]:" + port;
    }

    /** A short key type: ED25519, ECDSA-256, RSA... (the full name is {@link #keyType}). */
    public String typeLabel() {
        if (keyType.equals("ssh-ed25519")) {
            return "ED25519";
        }
        if (keyType.startsWith("ecdsa-sha2-nistp")) {
            return "ECDSA-" + keyType.substring("ecdsa-sha2-nistp".length());
        }
        if (keyType.equals("ssh-rsa") || keyType.startsWith("rsa-sha2-")) {
            return "RSA";
        }
        return keyType.toUpperCase(Locale.ROOT);
    }

    /** Whether every word of a search occurs in the host, port, key type, fingerprint or "revoked". */
    boolean matchesAll(String[] words) {
        String text = String.join(" ", host, Integer.toString(port), keyType, fingerprint, revoked ? "revoked" : "")
                .toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!word.isEmpty() && !text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
