package dev.termvault.app.desktop;

import dev.termvault.app.desktop.terminal.TerminalSessionViewModel.Phase;
import dev.termvault.app.desktop.terminal.TerminalWidget;
import dev.termvault.app.desktop.terminal.TerminalTab;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Host;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Measures the desktop app's memory (not a test; run by hand, see docs/performance.md): resident set size
 * (VmRSS from /proc/self/status) and heap used after a full GC, at four points: the toolkit started; the main
 * window unlocked over a vault of N hosts (default 10,000); five terminal tabs connected to a real OpenSSH
 * sshd; and the same five tabs after each printed 5,000 lines into its scrollback.
 *
 * <pre>
 * java -cp &lt;app test classpath&gt; -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *      dev.termvault.app.desktop.DesktopMemoryRun 10000
 * </pre>
 */
public final class DesktopMemoryRun {

    private static final Duration WAIT = Duration.ofMinutes(5);

    private DesktopMemoryRun() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int tabs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("termvault-memory");
        List<String[]> rows = new ArrayList<>();
        try (TerminalFixtures.Server server = TerminalFixtures.Server.start(dir.resolve("server"))) {
            Host target;
            try (Vault vault = Vault.createLocal(dir.resolve("vault"), TerminalFixtures.PASSWORD.toCharArray())
                    .vault()) {
                vault.addAll(hosts(hosts));
                target = TerminalFixtures.addHost(vault, server, "memory-target");
            }
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get();
            rows.add(measure("JavaFX started, no window"));

            FxTaskExecutor executor = new FxTaskExecutor();
            AppShell shell = onFx(() -> {
                AppShell app = new AppShell(dir.resolve("vault"), executor, GuiSettings.load(dir.resolve("vault")));
                Stage stage = new Stage();
                stage.setScene(app.createScene());
                stage.show();
                TextField password = (TextField) stage.getScene().lookup("#unlockPassword");
                password.setText(TerminalFixtures.PASSWORD);
                password.fireEvent(new ActionEvent());
                return app;
            });
            waitFor(() -> onFx(() -> shell.main() != null));
            rows.add(measure("main window, " + hosts + " hosts in the vault (unlocked, list shown)"));

            List<TerminalTab> opened = new ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                TerminalTab tab = onFx(() -> shell.main().terminals().open(target));
                opened.add(tab);
                waitFor(() -> onFx(() -> {
                    Button accept = (Button) Stage.getWindows().stream()
                            .map(w -> w.getScene() == null ? null : w.getScene().lookup("#acceptHostKey"))
                            .filter(b -> b != null).findFirst().orElse(null);
                    if (accept != null) {
                        accept.fire();
                    }
                    return tab.session().phaseProperty().get() == Phase.CONNECTED && tab.widget() != null;
                }));
            }
            rows.add(measure(tabs + " terminal tabs connected"));

            for (TerminalTab tab : opened) {
                TerminalWidget widget = onFx(tab::widget);
                widget.getTerminalStarter().sendString("seq 1 5000\n", true);
            }
            for (TerminalTab tab : opened) {
                waitFor(() -> onFx(() -> tab.widget().allText().lines().anyMatch(l -> l.strip().equals("5000"))));
            }
            rows.add(measure(tabs + " tabs, 5,000 lines of scrollback each"));

            onFx(() -> {
                shell.close();
                return null;
            });
            executor.close();
        } finally {
            Platform.exit();
            deleteTree(dir);
        }
        System.out.println();
        System.out.println("| point | RSS (MiB) | heap used after GC (MiB) |");
        System.out.println("|---|---|---|");
        for (String[] row : rows) {
            System.out.println("| " + row[0] + " | " + row[1] + " | " + row[2] + " |");
        }
    }

    private static List<Host> hosts(int count) {
        List<Host> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Host("host-" + i, "srv" + i + ".example.internal", 22, "deploy", AuthMethod.PASSWORD,
                    null, null, List.of(), List.of(), List.of("prod", "team-" + (i % 20)), null,
                    "Rack " + (i % 40) + ", row " + (i % 7), 0, Map.of("LANG", "C.UTF-8"), false, List.of()));
        }
        return list;
    }

    private static String[] measure(String point) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rssKib = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
        String[] row = {point, String.valueOf(rssKib / 1024), String.valueOf(heap / (1024 * 1024))};
        System.out.println(String.join(" | ", row));
        return row;
    }

    private static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(java.time.Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
