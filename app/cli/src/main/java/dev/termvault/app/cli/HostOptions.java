package dev.termvault.app.cli;

import dev.termvault.vault.model.AuthMethod;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The host fields {@code hosts add} and {@code hosts edit} both take. An option not given is null: add uses the
 * default, edit keeps what the host has.
 */
final class HostOptions {

    @Option(names = "--port", paramLabel = "P", description = "SSH port (add: 22 when not given).")
    Integer port;

    @Option(names = "--user", paramLabel = "U",
            description = "Login name (none: asked when connecting; on edit \"\" clears it).")
    String user;

    @Option(names = "--auth", paramLabel = "METHOD", converter = AuthConverter.class,
            description = "How it logs in: auto (key, then password, then prompts), key, password or"
                    + " keyboard-interactive.")
    AuthMethod auth;

    @Option(names = "--key", paramLabel = "NAME", description = "The SSH key it logs in with (name or id).")
    String key;

    @Option(names = "--credential", paramLabel = "NAME",
            description = "The saved password (credential) it logs in with (name or id).")
    String credential;

    @Option(names = "--password",
            description = "Ask for a password to log in with (typed on the terminal, never an argument); it is"
                    + " stored as a new credential named after the host.")
    boolean password;

    @Option(names = "--jump", paramLabel = "HOST", split = ",",
            description = "The hosts to jump through, first hop first (labels; comma-separated or repeated)."
                    + " On edit it replaces the chain.")
    List<String> jumps;

    @Option(names = "--forward", paramLabel = "SPEC",
            description = "A port forward in ssh's -L/-R/-D syntax with the letter joined by a colon:"
                    + " L:8080:localhost:80, R:0.0.0.0:9000:10.0.0.5:3000, D:1080 (\"-L 8080:localhost:80\""
                    + " works too). Repeat for more; on edit they replace the forwards.")
    List<String> forwards;

    @Option(names = "--tag", paramLabel = "T", description = "A tag; repeat for more. On edit they replace the tags.")
    List<String> tags;

    @Option(names = "--group", paramLabel = "NAME",
            description = "The host's group; a new name makes a new group (on edit \"\" clears it).")
    String group;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Free notes (on edit \"\" clears them).")
    String notes;

    /** Reads {@code --auth}: the way to log in in lower case, {@code -} for {@code _}. */
    static final class AuthConverter implements CommandLine.ITypeConverter<AuthMethod> {
        @Override
        public AuthMethod convert(String value) {
            String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(AuthMethod.values()).filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                            + "' is not a way to log in: use auto, key, password or keyboard-interactive"));
        }
    }
}
