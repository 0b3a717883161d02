package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.desktop.hosts.HostListViewModel;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search as you type in a large vault runs in the background, skips out-of-date searches and shows only the latest. */
class HostSearchTest {

    /** Holds submitted work until the test runs it, as a busy worker thread would. */
    private static final class HeldExecutor implements TaskExecutor {
        final Deque<Runnable> queue = new ArrayDeque<>();
        final List<Object> results = new ArrayList<>();

        @Override
        public <T> void submit(Supplier<T> work, Consumer<? super T> onSuccess,
                Consumer<? super RuntimeException> onFailure) {
            queue.add(() -> {
                T result = work.get();
                results.add(result);
                onSuccess.accept(result);
            });
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    @TempDir
    static Path temp;
    static Vault vault;

    @BeforeAll
    static void vaultWithHosts() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse Battery 9".toCharArray()).vault();
        vault.addAll(List.of(Host.of("web-prod", "10.0.0.5", 22, null), Host.of("web-staging", "10.0.1.5", 22, null),
                Host.of("mail", "10.0.3.9", 22, null), Host.of("jump", "192.0.2.10", 22, null)));
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    @Test
    void largeVault_searchesInTheBackground_andOnlyTheLatestTextIsSearchedAndShown() {
        HeldExecutor executor = new HeldExecutor();
        HostListViewModel list = new HostListViewModel(vault, executor, 4);
        assertThat(labels(list)).hasSize(4);

        list.queryProperty().set("w");
        list.queryProperty().set("we");
        list.queryProperty().set("web-s");
        assertThat(labels(list)).as("typing does not wait for the search").hasSize(4);
        assertThat(executor.queue).hasSize(3);

        executor.runAll();
        assertThat(executor.results).as("the two out-of-date searches were not run").containsExactly(null, null,
                executor.results.get(2));
        assertThat(labels(list)).containsExactly("web-staging");
    }

    @Test
    void anInPlaceRefresh_dropsAPendingResult() {
        HeldExecutor executor = new HeldExecutor();
        HostListViewModel list = new HostListViewModel(vault, executor, 4);
        list.queryProperty().set("mail");
        list.refresh();
        assertThat(labels(list)).containsExactly("mail");
        list.queryProperty().set("jump");
        list.refresh();
        executor.runAll();
        assertThat(labels(list)).containsExactly("jump");
    }

    @Test
    void smallVault_isSearchedInPlace() {
        HeldExecutor executor = new HeldExecutor();
        HostListViewModel list = new HostListViewModel(vault, executor, 5);
        list.queryProperty().set("web");
        assertThat(executor.queue).isEmpty();
        assertThat(labels(list)).containsExactly("web-prod", "web-staging");
    }

    private static List<String> labels(HostListViewModel list) {
        return list.hosts().stream().map(VaultRecord::item).map(i -> ((Host) i).label()).toList();
    }
}
