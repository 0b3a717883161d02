package dev.termvault.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.cli.Cli;
import dev.termvault.app.cli.CliContext;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.app.desktop.activity.ActivityViewModel;
import dev.termvault.sync.client.SyncHistory;
import dev.termvault.sync.server.ServerConfig;
import dev.termvault.sync.server.SyncServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both front ends over one vault: what {@code termvault sync} did is listed in the desktop's Activity. */
class CliSyncInDesktopActivityTest {

    private static final TaskExecutor NOW = new TaskExecutor() {
        @Override
        public <T> void submit(Supplier<T> work, Consumer<? super T> onSuccess,
                               Consumer<? super RuntimeException> onFailure) {
            try {
                onSuccess.accept(work.get());
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    };

    @TempDir
    Path temp;

    private final Map<String, String> environment = new HashMap<>();

    private int cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new CliContext(environment, prompt -> {
            throw new IllegalStateException("no terminal in this test");
        }, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), temp.resolve("default")));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    @Test
    void cliSyncPass_isRecordedInTheHistoryThatTheDesktopsActivityLists() {
        try (SyncServer server = SyncServer.start(ServerConfig.of(Map.of("server.roles", "all",
                "server.data", temp.resolve("server").toString(), "server.port", "0")))) {
            environment.put("TV_PW", "correct horse Battery 9");
            String vault = temp.resolve("vault").toString();
            cli("init", "--vault", vault, "--password-env", "TV_PW");
            cli("account", "signup", "--vault", vault, "--password-env", "TV_PW", "--server",
                    server.baseUri().toString(), "--fingerprint", server.fingerprint(), "--email", "both@example.org");
            cli("hosts", "add", "--label", "web", "--hostname", "web.example.org", "--vault", vault,
                    "--password-env", "TV_PW");
            cli("sync", "--vault", vault, "--password-env", "TV_PW");

            ActivityViewModel activity = new ActivityViewModel(Optional::empty,
                    SyncHistory.in(temp.resolve("vault")), NOW, ZoneOffset.UTC);
            activity.refresh();

            assertThat(activity.syncHistory()).first().satisfies(row -> {
                assertThat(row.what()).isEqualTo("Pushed");
                assertThat(row.detail()).isEqualTo("1 change sent");
            });
        }
    }
}
