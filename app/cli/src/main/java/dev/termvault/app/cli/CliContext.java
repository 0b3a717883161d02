package dev.termvault.app.cli;

import dev.termvault.app.core.DataDirectories;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI takes from the world around it, so tests can hand in their own: the environment variables,
 * where the master password is read from, the output streams, and the default vault folder.
 *
 * @param environment            environment variables (read for {@code --password-env})
 * @param passwordReader         asks a person for a password
 * @param out                    normal output
 * @param err                    messages about failures
 * @param defaultVaultDirectory  the vault folder used when {@code --vault} is not given
 */
public record CliContext(
        Map<String, String> environment,
        PasswordReader passwordReader,
        PrintWriter out,
        PrintWriter err,
        Path defaultVaultDirectory) {

    public CliContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(passwordReader, "passwordReader");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(defaultVaultDirectory, "defaultVaultDirectory");
    }

    /** The real process: its environment, its console, System.out/err, the platform's user data folder. */
    public static CliContext system() {
        Map<String, String> env = System.getenv();
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        return new CliContext(env,
                new ConsolePasswordReader(),
                new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true),
                DataDirectories.defaultVaultDirectory(System.getProperty("os.name", ""), env,
                        Path.of(System.getProperty("user.home"))));
    }
}
