package dev.termvault.app.core.hosts;

import dev.termvault.vault.model.AuthMethod;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A host as a person types it, before it is checked: what the desktop's host editor and the CLI's
 * {@code hosts add}/{@code hosts edit} hand to {@link Hosts}. Every rule about what makes a valid host is applied
 * to a draft in one place ({@link Hosts#problems}), so both front ends refuse the same input with the same words.
 *
 * @param label      the name a person picks the host by (required, unique among hosts ignoring case)
 * @param hostname   DNS name or address (required, no spaces)
 * @param port       the port as typed, "1" to "65535"
 * @param user       login name; blank for none (asked when connecting)
 * @param auth       how it logs in; null for {@link AuthMethod#AUTO}
 * @param key        the SSH key: its name, id or id prefix (as {@link dev.termvault.app.core.RecordLookup} reads
 *                   it); blank for none
 * @param credential the saved password (a credential): its name, id or id prefix; blank for none
 * @param jumpHosts  the hosts to jump through, first hop first, each a label, id or id prefix
 * @param forwards   port forwards, one per entry, as {@link dev.termvault.app.ssh.openssh.ForwardLine} reads
 *                   them; blank entries are skipped but counted, so a message's number is the line a person sees
 * @param tags       tags; a leading '#' is dropped and a tag given twice is kept once
 * @param group      the group's name; blank for none; a name no group has yet makes a new group on save
 * @param notes      free text; blank for none
 */
public record HostDraft(String label, String hostname, String port, String user, AuthMethod auth, String key,
                        String credential, List<String> jumpHosts, List<String> forwards, List<String> tags,
                        String group, String notes) {

    public HostDraft {
        auth = auth == null ? AuthMethod.AUTO : auth;
        jumpHosts = jumpHosts == null ? List.of() : List.copyOf(jumpHosts);
        forwards = forwards == null ? List.of() : List.copyOf(forwards);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A draft with only a label and a hostname, on port 22. */
    public static HostDraft of(String label, String hostname) {
        return new HostDraft(label, hostname, "22", null, AuthMethod.AUTO, null, null, List.of(), List.of(),
                List.of(), null, null);
    }

    /**
     * The field problems found without looking into the vault (label, hostname, port, forwards, tags; the way to
     * log in when it needs a key or password none is given for). Empty when there are none. A front end may ask
     * this before it opens the vault; {@link Hosts#problems} asks it too.
     *
     * @param newPassword whether a new password comes with the draft (it satisfies {@link AuthMethod#PASSWORD})
     */
    public java.util.Map<String, String> problems(boolean newPassword) {
        return HostRules.formProblems(this, newPassword);
    }

    /**
     * Refuses a draft with {@link #problems} (so a front end can refuse it before it opens the vault).
     *
     * @throws dev.termvault.app.core.CoreException.Invalid with a message per field
     */
    public void requireWellFormed(boolean newPassword) {
        java.util.Map<String, String> errors = problems(newPassword);
        if (!errors.isEmpty()) {
            throw Hosts.invalid(errors);
        }
    }

    /**
     * Tags from text separated by commas or white space (the desktop's tag field), in order; a leading '#' is
     * dropped and a tag given twice is kept once.
     */
    public static List<String> splitTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String word : text.split("[,\\s]+")) {
            if (!word.isEmpty()) {
                result.add(tag(word));
            }
        }
        return new ArrayList<>(result);
    }

    /** A tag without its leading '#' (a lone '#' stays as it is, for the rules to refuse). */
    static String tag(String word) {
        String text = word.strip();
        return text.length() > 1 && text.startsWith("#") ? text.substring(1) : text;
    }

    /** The forwards of a text with one per line (the desktop's forwards field), blank lines included. */
    public static List<String> splitLines(String text) {
        return text == null || text.isBlank() ? List.of() : text.lines().toList();
    }
}
