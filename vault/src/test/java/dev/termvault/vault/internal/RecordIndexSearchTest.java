package dev.termvault.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Group;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Snippet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Search over the index against its definition: a record matches when its search text holds every word of the
 * query, and matches come in list order. Large enough to take the parallel path.
 */
class RecordIndexSearchTest {

    private static final String[] QUERIES = {
        "dc7", "DC7 ops", "ops dc7", "host-0004", "example", "22", "2222", "prod eu", "eu prod web", "auto",
        "zzz-nothing", "", "   ", "h\n", "ops\tdc1", "é", "snip", "df -h", "s3cret", "host-000 dc3 root",
    };

    private static VaultRecord record(int revision, Object item) {
        return new VaultRecord(UUID.randomUUID().toString(), revision, (dev.termvault.vault.model.Item) item);
    }

    private static RecordIndex filled(int hosts) {
        String[] users = {"deploy", "root", "ops", "ubuntu"};
        String[] tags = {"prod", "staging", "eu", "us", "web"};
        RecordIndex index = new RecordIndex();
        for (int i = 0; i < hosts; i++) {
            String label = (i % 11 == 0 ? "Host-" : "host-") + String.format("%04d", i) + (i % 97 == 0 ? " é" : "");
            Host host = Host.of(label, label.strip().replace(' ', '-') + ".dc" + (i % 13) + ".example.net",
                    i % 5 == 0 ? 2222 : 22, users[i % users.length]);
            index.put(record(1, host.withTags(List.of(tags[i % tags.length], tags[(i / 5) % tags.length]))));
        }
        index.put(record(1, new Credential("db", "postgres", "s3cret")));
        index.put(record(3, new Snippet("disk", "df -h", List.of("ops"))));
        index.put(record(1, new Group("Production", null)));
        return index;
    }

    /** The definition: every non-empty word of the query occurs in the record's search text. */
    private static List<VaultRecord> expected(RecordIndex index, String query) {
        String[] words = query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return index.list(null).stream()
                .filter(r -> Arrays.stream(words).allMatch(w -> RecordCodec.searchText(r.item()).contains(w)))
                .toList();
    }

    @Test
    void search_matchesTheDefinition_inListOrder() {
        RecordIndex index = filled(1_500);

        for (String query : QUERIES) {
            assertThat(index.search(query)).as(query).containsExactlyElementsOf(expected(index, query));
        }
        assertThat(index.search("dc7 ops")).isNotEmpty();
        assertThat(index.search("zzz-nothing")).isEmpty();
        assertThat(index.search(null)).hasSize(1_503);
    }

    @Test
    void search_seesEveryChangeMadeAfterTheLastSearch() {
        RecordIndex index = filled(400);
        assertThat(index.search("quasar")).isEmpty();

        VaultRecord added = record(1, Host.of("quasar", "quasar.example.net", 22, "astro"));
        index.put(added);
        assertThat(index.search("quasar astro")).containsExactly(added);

        VaultRecord changed = new VaultRecord(added.id(), 2, Host.of("pulsar", "pulsar.example.net", 22, "astro"));
        index.put(changed);
        assertThat(index.search("quasar")).isEmpty();
        assertThat(index.search("astro")).containsExactly(changed);

        index.markUnreadable(UUID.fromString(added.id()));
        assertThat(index.search("astro")).isEmpty();

        index.put(changed);
        index.remove(UUID.fromString(changed.id()));
        assertThat(index.search("pulsar")).isEmpty();
        assertThat(index.search("")).hasSize(403);

        index.clear();
        assertThat(index.search("")).isEmpty();
    }
}
