package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code credentials ...} in-process against a real vault: a password shows only when asked for by --reveal. */
class CredentialsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cret-Zebra";

    @TempDir
    Path temp;
    InitialisedVault vault;
    CliRun cli;

    @BeforeEach
    void init() {
        vault = InitialisedVault.create(temp);
        cli = vault.cli;
    }

    private CliRun.Result run(String... args) {
        return vault.run(args);
    }

    @Test
    void add_thenListAndShow_neverPrintThePassword_unlessRevealed() throws Exception {
        cli.typing(SECRET, SECRET);
        CliRun.Result added = run("credentials", "add", "--name", "router", "--username", "admin");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(cli.prompts).containsExactly("Password for router: ", "Repeat the password: ");

        CliRun.Result list = run("credentials", "list");
        CliRun.Result json = run("credentials", "list", "--json");
        CliRun.Result show = run("credentials", "show", "router");
        CliRun.Result showJson = run("credentials", "show", "router", "--json");
        CliRun.Result revealed = run("credentials", "show", "router", "--reveal");
        JsonNode revealedJson = JSON.readTree(run("credentials", "show", "router", "--reveal", "--json").out());

        assertThat(list.out()).contains("router", "admin", "set").doesNotContain(SECRET);
        assertThat(json.out()).doesNotContain(SECRET);
        assertThat(JSON.readTree(json.out()).get(0).get("hasPassword").asBoolean()).isTrue();
        assertThat(show.out()).contains("hidden").doesNotContain(SECRET);
        assertThat(showJson.out()).doesNotContain(SECRET);
        assertThat(revealed.out()).contains("Password:  " + SECRET);
        assertThat(revealedJson.get("password").asText()).isEqualTo(SECRET);
    }

    @Test
    void edit_changesTheUsernameAndTypedPassword_mismatchChangesNothing() {
        cli.typing("one", "one");
        assertThat(run("credentials", "add", "--name", "db", "--username", "app").exitCode()).isZero();

        cli.typing("two", "three");
        assertThat(run("credentials", "edit", "db", "--password").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("credentials", "show", "db", "--reveal").out()).contains("Password:  one");
        assertThat(run("credentials", "edit", "db", "--username", "root", "--name", "database").exitCode()).isZero();
        cli.typing("two", "two");
        assertThat(run("credentials", "edit", "database", "--password").exitCode()).isZero();

        assertThat(run("credentials", "show", "database", "--reveal").out())
                .contains("Username:  root", "Password:  two");
        assertThat(run("credentials", "edit", "database").exitCode()).isEqualTo(ExitCodes.USAGE);
        cli.typing("x", "x");
        assertThat(run("credentials", "add", "--name", "database").exitCode()).as("names are unique")
                .isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void rm_aCredentialInUse_namesTheHostAndRefuses_unlessForced() throws Exception {
        cli.typing(SECRET, SECRET);
        assertThat(run("credentials", "add", "--name", "box login", "--username", "root").exitCode()).isZero();
        String id = JSON.readTree(run("credentials", "list", "--json").out()).get(0).get("id").asText();
        vault.change(v -> v.add(new Host("box", "192.168.1.1", 22, null, AuthMethod.PASSWORD, null, id, List.of(),
                List.of(), List.of(), null, null, 0, Map.of(), false, List.of())));

        CliRun.Result refused = run("credentials", "rm", "box login");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("box", "--force").doesNotContain(SECRET);
        CliRun.Result forced = run("credentials", "rm", "box login", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Unlinked from: box.");
        assertThat(run("credentials", "list").out()).contains("No credentials yet");
    }
}
