package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.Vault;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A vault made with {@code termvault init} in a temp folder, and the in-process CLI pointed at it: {@link #run}
 * adds {@code --vault} and {@code --password-env}; {@link #change} writes records straight into the vault (hosts,
 * known hosts) for what other commands do not make.
 */
final class InitialisedVault {

    static final String PASSWORD = "correct horse battery staple";

    final CliRun cli;
    final Path dir;

    private InitialisedVault(CliRun cli, Path dir) {
        this.cli = cli;
        this.dir = dir;
    }

    static InitialisedVault create(Path temp) {
        CliRun cli = new CliRun(temp.resolve("default-vault"));
        cli.environment.put("TV_PW", PASSWORD);
        InitialisedVault vault = new InitialisedVault(cli, temp.resolve("vault"));
        CliRun.Result init = vault.run("init", "--emergency-kit", temp.resolve("kit.txt").toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        return vault;
    }

    CliRun.Result run(String... args) {
        return cli.run(Stream.concat(Arrays.stream(args),
                Stream.of("--vault", dir.toString(), "--password-env", "TV_PW")).toArray(String[]::new));
    }

    void change(Consumer<Vault> change) {
        try (Vault vault = Vault.open(dir)) {
            vault.unlock(PASSWORD.toCharArray());
            change.accept(vault);
        }
    }
}
