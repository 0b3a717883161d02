package dev.termvault.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hosts add} and {@code hosts edit} with every field, and {@code hosts rm} keeping jump chains whole. */
class HostsEditCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path temp;
    private CliRun cli;

    @BeforeEach
    void createVault() {
        cli = new CliRun(temp.resolve("default-vault"));
        cli.environment.put("TV_PW", PASSWORD);
        assertThat(cli.run("init", "--vault", vault(), "--password-env", "TV_PW").exitCode()).isZero();
        inVault(v -> {
            v.add(new SshKey("deploy", "private", "ssh-ed25519 AAAA deploy", "deploy", "ssh-ed25519"));
            v.add(new SshKey("ops", "private", "ssh-ed25519 AAAB ops", "ops", "ssh-ed25519"));
            v.add(new Credential("db login", "postgres", "hunter2"));
        });
    }

    private String vault() {
        return temp.resolve("vault").toString();
    }

    private void inVault(Consumer<Vault> work) {
        try (Vault v = Vault.open(temp.resolve("vault"))) {
            v.unlock(PASSWORD.toCharArray());
            work.accept(v);
        }
    }

    private CliRun.Result run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--vault", vault(), "--password-env", "TV_PW"}, 0, all, args.length, 4);
        return cli.run(all);
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result result = run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    private JsonNode show(String label) throws Exception {
        return JSON.readTree(ok("hosts", "show", label, "--json").out());
    }

    @Test
    void add_withKeyJumpForwardAuthAndCredential_storedAndShownAsJsonWithNames() throws Exception {
        ok("hosts", "add", "--label", "bastion", "--hostname", "bastion.example.net");
        ok("hosts", "add", "--label", "inner", "--hostname", "10.1.0.2");
        CliRun.Result add = ok("hosts", "add", "--label", "db", "--hostname", "db.internal", "--port", "5432",
                "--user", "pg", "--auth", "key", "--key", "deploy", "--credential", "db login",
                "--jump", "bastion,inner", "--forward", "L:15432:localhost:5432", "--forward", "-D 1080",
                "--tag", "prod", "--group", "Data stores", "--notes", "Primary.");

        assertThat(add.out()).contains("Added host db (pg@db.internal:5432)").contains("Made the group \"Data stores\"");
        JsonNode db = show("db");
        assertThat(db.get("auth").asText()).isEqualTo("KEY");
        assertThat(db.get("keyName").asText()).isEqualTo("deploy");
        assertThat(db.get("credentialName").asText()).isEqualTo("db login");
        assertThat(db.get("jumpHostLabels")).extracting(JsonNode::asText).containsExactly("bastion", "inner");
        assertThat(db.get("jumpHosts")).as("the ids, as stored").hasSize(2)
                .allSatisfy(id -> assertThat(id.asText()).hasSize(36));
        assertThat(db.get("forwards").get(0).get("kind").asText()).isEqualTo("LOCAL");
        assertThat(db.get("forwardSpecs")).extracting(JsonNode::asText)
                .containsExactly("-L 15432:localhost:5432", "-D 1080");
        assertThat(db.get("groupName").asText()).isEqualTo("Data stores");
        assertThat(db.get("notes").asText()).isEqualTo("Primary.");
        assertThat(ok("hosts", "show", "db").out()).contains("Jump hosts: bastion -> inner")
                .contains("Key:        deploy").contains("Forward:    -L 15432:localhost:5432");
        JsonNode list = JSON.readTree(ok("hosts", "list", "--json").out());
        assertThat(list).extracting(h -> h.get("label").asText()).containsExactly("bastion", "db", "inner");
    }

    @Test
    void add_badReferencesOrForward_exitOneWithTheFieldsMessagesAndStoreNothing() {
        CliRun.Result bad = run("hosts", "add", "--label", "x", "--hostname", "x.example", "--key", "nope",
                "--jump", "nowhere");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("No SSH key is called \"nope\"").contains("No host is called \"nowhere\"");

        CliRun.Result forward = cli.run("hosts", "add", "--label", "x", "--hostname", "x.example",
                "--forward", "L:8080:localhost", "--vault", vault());
        assertThat(forward.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(forward.err()).contains("Forward 1 (L:8080:localhost): -L takes [bind_address:]port:host:hostport");
        assertThat(cli.prompts).as("refused before the master password is asked").isEmpty();
        CliRun.Result auth = run("hosts", "add", "--label", "x", "--hostname", "x.example", "--auth", "telepathy");
        assertThat(auth.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(auth.err()).contains("'telepathy' is not a way to log in");
        inVault(v -> assertThat(v.list(ItemType.HOST)).isEmpty());
    }

    @Test
    void addAndEdit_password_askedOnTheTerminalAndStoredAsACredential() throws Exception {
        cli.typing("s3cret one");
        ok("hosts", "add", "--label", "web", "--hostname", "web.example.net", "--user", "deploy", "--auth",
                "password", "--password");
        assertThat(cli.prompts).containsExactly("Password for web: ");
        assertThat(show("web").get("credentialName").asText()).isEqualTo("web password");

        cli.typing("s3cret two");
        CliRun.Result edit = ok("hosts", "edit", "web", "--password");
        assertThat(edit.out()).contains("Stored the password as the credential \"web password 2\"");
        inVault(v -> {
            Host web = (Host) v.list(ItemType.HOST).get(0).item();
            assertThat(((Credential) v.get(web.credentialId()).orElseThrow().item()).password())
                    .isEqualTo("s3cret two");
        });
        assertThat(ok("search", "s3cret").out()).as("a password is never matched").contains("Nothing matches");
    }

    @Test
    void edit_changesOnlyTheFieldsGiven_andTheNoOptionsClear() throws Exception {
        ok("hosts", "add", "--label", "bastion", "--hostname", "bastion.example.net");
        ok("hosts", "add", "--label", "db", "--hostname", "db.internal", "--user", "pg", "--key", "deploy",
                "--credential", "db login", "--jump", "bastion", "--forward", "D:1080", "--tag", "prod",
                "--group", "Data", "--notes", "old notes");

        CliRun.Result edit = ok("hosts", "edit", "db", "--label", "db-1", "--hostname", "db1.internal", "--port",
                "2222", "--key", "ops", "--tag", "#eu", "--tag", "web", "--notes", "");
        assertThat(edit.out()).contains("Saved host db-1 (pg@db1.internal:2222)");
        JsonNode db = show("db-1");
        assertThat(db.get("keyName").asText()).isEqualTo("ops");
        assertThat(db.get("credentialName").asText()).as("kept").isEqualTo("db login");
        assertThat(db.get("jumpHostLabels")).extracting(JsonNode::asText).containsExactly("bastion");
        assertThat(db.get("forwardSpecs")).extracting(JsonNode::asText).containsExactly("-D 1080");
        assertThat(db.get("tags")).extracting(JsonNode::asText).containsExactly("eu", "web");
        assertThat(db.get("groupName").asText()).isEqualTo("Data");
        assertThat(db.get("notes").isNull()).isTrue();

        ok("hosts", "edit", "db-1", "--no-key", "--no-credential", "--no-jump", "--no-forwards", "--no-tags",
                "--group", "", "--user", "", "--auth", "keyboard-interactive");
        JsonNode cleared = show("db-1");
        for (String field : List.of("keyId", "keyName", "credentialId", "groupId", "groupName", "username")) {
            assertThat(cleared.get(field).isNull()).as(field).isTrue();
        }
        assertThat(cleared.get("jumpHosts")).isEmpty();
        assertThat(cleared.get("forwards")).isEmpty();
        assertThat(cleared.get("tags")).isEmpty();
        assertThat(cleared.get("auth").asText()).isEqualTo("KEYBOARD_INTERACTIVE");

        CliRun.Result both = run("hosts", "edit", "db-1", "--key", "ops", "--no-key");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--key and --no-key cannot be given together");
        CliRun.Result self = run("hosts", "edit", "db-1", "--jump", "db-1");
        assertThat(self.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(self.err()).contains("A host cannot jump through itself");
        assertThat(run("hosts", "edit", "nope", "--port", "23").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void rm_aJumpHost_unlinksItFromEveryChainAndSaysWhich() throws Exception {
        for (String label : List.of("a", "b", "c")) {
            ok("hosts", "add", "--label", label, "--hostname", label + ".example.net");
        }
        ok("hosts", "add", "--label", "target", "--hostname", "t.example.net", "--jump", "a,b,c");
        ok("hosts", "add", "--label", "only-b", "--hostname", "o.example.net", "--jump", "b");

        CliRun.Result rm = ok("hosts", "rm", "b");

        assertThat(rm.out()).contains("Removed host b.").contains("Unlinked it from the jump chains of: only-b, target.");
        assertThat(show("target").get("jumpHostLabels")).extracting(JsonNode::asText).containsExactly("a", "c");
        assertThat(show("only-b").get("jumpHosts")).isEmpty();
        assertThat(ok("hosts", "rm", "a").out()).contains("Unlinked it from the jump chains of: target.");
        assertThat(ok("hosts", "rm", "only-b").out()).doesNotContain("Unlinked");
    }
}
