package dev.termvault.app.cli;

import java.util.Arrays;

/** A new secret (a credential's password, an export passphrase) typed twice on the terminal, never an argument. */
final class TypedSecrets {

    private TypedSecrets() {
    }

    /**
     * Asks for a new secret twice and refuses two entries that differ or an empty one.
     *
     * @param what what is asked for, as in "the new passphrase"
     * @return the secret; the caller wipes it
     */
    static char[] askTwice(CliContext context, String prompt, String what) {
        char[] secret = context.passwordReader().readPassword(prompt);
        char[] again = context.passwordReader().readPassword("Repeat " + what + ": ");
        boolean same = Arrays.equals(secret, again);
        Arrays.fill(again, '\0');
        if (!same || secret.length == 0) {
            Arrays.fill(secret, '\0');
            throw CliException.usage(same ? "An empty " + what.replaceFirst("^the ", "") + " is refused. Nothing"
                    + " was changed." : "The two entries do not match. Nothing was changed.");
        }
        return secret;
    }
}
