package dev.termvault.app.cli;

import dev.termvault.app.core.hosts.SavedHost;
import java.io.PrintWriter;
import java.util.function.Function;

/** The {@code --password} of {@code hosts add} and {@code hosts edit}: asked on the terminal, wiped after use. */
final class HostPasswords {

    private HostPasswords() {
    }

    /** Saves with the password asked for when {@code ask}, else with none. */
    static SavedHost save(CliContext context, String label, boolean ask, Function<char[], SavedHost> save) {
        char[] password = ask ? context.passwordReader().readPassword("Password for " + label.strip() + ": ") : null;
        try {
            if (password != null && password.length == 0) {
                throw CliException.usage("The password must not be empty. Nothing was changed.");
            }
            return save.apply(password);
        } finally {
            VaultAccess.wipe(password);
        }
    }

    /** Says which records were made along with the host (a credential for the password, a group). */
    static void describe(SavedHost saved, PrintWriter out) {
        if (saved.newCredential() != null) {
            out.println("Stored the password as the credential \"" + saved.newCredential().name() + "\".");
        }
        if (saved.newGroup() != null) {
            out.println("Made the group \"" + saved.newGroup().name() + "\".");
        }
    }
}
