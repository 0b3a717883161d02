package dev.termvault.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.WhenUsed;

/**
 * How {@code keys rm} and {@code credentials rm} delete a record hosts may use: refused (exit 1, the hosts named)
 * unless {@code --force}, which unlinks it from them; what was unlinked is printed.
 */
final class InUseDeletion {

    private InUseDeletion() {
    }

    /** Runs the core deletion with the rule {@code --force} picks. */
    static <T> T delete(boolean force, Function<WhenUsed, T> deletion) {
        try {
            return deletion.apply(force ? WhenUsed.UNLINK : WhenUsed.REFUSE);
        } catch (CoreException.NotConfirmed e) {
            throw CliException.usage(e.getMessage() + " (add --force to do so; exit code 1)");
        }
    }

    /** Names the hosts a forced deletion unlinked, if any. */
    static void reportUnlinked(List<HostRef> hosts, PrintWriter out) {
        if (!hosts.isEmpty()) {
            out.println("Unlinked from: " + String.join(", ", hosts.stream().map(HostRef::label).toList())
                    + ". Give them another before connecting to them.");
        }
    }
}
