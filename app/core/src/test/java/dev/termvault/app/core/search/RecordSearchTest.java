package dev.termvault.app.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.Snippet;
import dev.termvault.vault.model.SshKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search across every kind of record, over one real vault on disk. */
class RecordSearchTest {

    @TempDir
    static Path temp;
    static Vault vault;

    @BeforeAll
    static void createVault() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse Battery 9".toCharArray()).vault();
        vault.add(Host.of("web-prod", "web.prod.example.net", 2222, "deploy"));
        vault.add(new SshKey("prod deploy key", "-----BEGIN OPENSSH PRIVATE KEY----- zzsecretzz", "ssh-ed25519 AAAA x",
                "deploy@prod", "ssh-ed25519"));
        vault.add(new Credential("prod database", "postgres", "prod-hunter2-zzsecretzz"));
        vault.add(new Snippet("tail prod logs", "cd /var/log/prod\ntail -f syslog", List.of("logs")));
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    @Test
    void search_oneWord_typedRowsOfEveryKindWithAShortDetail() {
        List<SearchRow> rows = new RecordSearch(vault).search("prod");

        assertThat(rows).extracting(SearchRow::type, SearchRow::name, SearchRow::detail).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ItemType.HOST, "web-prod", "deploy@web.prod.example.net:2222"),
                org.assertj.core.groups.Tuple.tuple(ItemType.SSH_KEY, "prod deploy key", "ssh-ed25519 deploy@prod"),
                org.assertj.core.groups.Tuple.tuple(ItemType.CREDENTIAL, "prod database", "postgres"),
                org.assertj.core.groups.Tuple.tuple(ItemType.SNIPPET, "tail prod logs", "cd /var/log/prod"));
        assertThat(rows).allSatisfy(r -> assertThat(vault.get(r.id())).isPresent());
    }

    @Test
    void search_secrets_neverMatchedNorShown() {
        RecordSearch search = new RecordSearch(vault);

        assertThat(search.search("zzsecretzz")).as("neither the password nor the private key matches").isEmpty();
        assertThat(search.search("hunter2")).isEmpty();
        assertThat(search.search("")).hasSize(4)
                .allSatisfy(r -> assertThat(r.detail()).doesNotContain("zzsecretzz").doesNotContain("hunter2"));
        assertThat(search.search("prod 2222")).extracting(SearchRow::name).containsExactly("web-prod");
    }
}
