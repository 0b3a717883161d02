package dev.termvault.app.desktop;

import dev.termvault.app.desktop.hosts.HostListViewModel;
import dev.termvault.vault.CreatedVault;
import dev.termvault.vault.Vault;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.model.Item;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * Measures the desktop app with N hosts (a measurement run, not a test): unlock to a usable host list (from
 * pressing Unlock until the list holds every host and has drawn its first rows) and search latency per keystroke
 * (filter and list update), through the real view models, and through the real window on Monocle (headless,
 * software rendering). Prints medians and maxima.
 *
 * <p>{@code java -cp ... dev.termvault.app.desktop.GuiBenchRun [hosts=10000] [rounds=5]}
 */
public final class GuiBenchRun {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String PASSWORD = "correct horse Battery 9";
    /** Typed one character at a time: a label, a data centre plus a user, a tag. */
    private static final List<String> QUERIES = List.of("app-004217", "dc15 deploy", "staging");

    private GuiBenchRun() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

        Path dir = Files.createTempDirectory("termvault-gui-bench").resolve("vault");
        long made = System.nanoTime();
        try (Vault vault = createVault(dir, count)) {
            System.out.printf(Locale.ROOT, "vault with %d hosts written in %.1f s%n", count, secs(made));
        }
        viewModelOnly(dir, count, rounds);
        window(dir, count, rounds);
        System.exit(0);
    }

    private static Vault createVault(Path dir, int count) {
        CreatedVault created = Vault.createLocal(dir, PASSWORD.toCharArray());
        String[] users = {"deploy", "root", "admin", "ubuntu", "ops"};
        String[] tags = {"prod", "staging", "web", "db", "cache", "batch", "eu", "us"};
        List<Item> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String label = "app-" + String.format(Locale.ROOT, "%06d", i);
            hosts.add(Host.of(label, label + ".dc" + (i % 40) + ".example.net", i % 7 == 0 ? 2222 : 22,
                    users[i % users.length]).withTags(List.of(tags[i % tags.length], tags[(i / 8) % tags.length])));
        }
        created.vault().addAll(hosts);
        return created.vault();
    }

    /** The view models alone, no toolkit: unlock + first list, then each keystroke's filter. */
    private static void viewModelOnly(Path dir, int count, int rounds) {
        List<Double> unlockToList = new ArrayList<>();
        List<Double> kdf = new ArrayList<>();
        List<Double> keystrokes = new ArrayList<>();
        List<Double> keystrokesCpu = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            try (Vault vault = Vault.open(dir)) {
                long start = System.nanoTime();
                vault.unlock(PASSWORD.toCharArray());
                HostListViewModel list = new HostListViewModel(vault);
                unlockToList.add(millis(start));
                kdf.add(vault.lastUnlockStats().orElseThrow().keyDerivation().toNanos() / 1e6);
                check(list.hosts().size() == count, "list holds every host");
                for (String query : QUERIES) {
                    for (int i = 1; i <= query.length(); i++) {
                        long t = System.nanoTime();
                        long cpu = CPU.getCurrentThreadCpuTime();
                        list.queryProperty().set(query.substring(0, i));
                        keystrokes.add(millis(t));
                        keystrokesCpu.add((CPU.getCurrentThreadCpuTime() - cpu) / 1e6);
                    }
                    list.queryProperty().set("");
                }
            }
        }
        System.out.println("view models only (no toolkit):");
        report("  unlock to list (incl. key derivation)", unlockToList);
        report("  of which key derivation", kdf);
        report("  search, per keystroke", keystrokes);
        report("    (CPU time of the searching thread)", keystrokesCpu);
    }

    /** The real window on Monocle: press Unlock, wait for the list to draw; type into the search field. */
    private static void window(Path dir, int count, int rounds) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        FxTaskExecutor executor = new FxTaskExecutor();
        AppShell shell = onFx(() -> {
            AppShell s = new AppShell(dir, executor, GuiSettings.load(dir));
            Stage stage = new Stage();
            stage.setScene(s.createScene());
            stage.setWidth(1100);
            stage.setHeight(700);
            stage.show();
            return s;
        });
        Scene scene = onFx(() -> Stage.getWindows().get(0).getScene());
        List<Double> unlockToList = new ArrayList<>();
        List<Double> keystrokeFx = new ArrayList<>();
        List<Double> keystrokeToList = new ArrayList<>();
        long[] typedAt = new long[1];
        List<Double> applied = new ArrayList<>();
        List<Double> appliedCpu = new ArrayList<>();
        List<Double> keystrokeFxCpu = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            CompletableFuture<Long> shown = new CompletableFuture<>();
            Runnable check = () -> {
                ListView<?> list = (ListView<?>) scene.lookup("#hostList");
                if (!shown.isDone() && list != null && list.getItems().size() == count && drawnRows(list) > 0) {
                    shown.complete(System.nanoTime());
                }
            };
            long start = onFx(() -> {
                scene.addPostLayoutPulseListener(check);
                ((PasswordField) scene.lookup("#unlockPassword")).setText(PASSWORD);
                long t = System.nanoTime();
                ((Button) scene.lookup("#unlock")).fire();
                return t;
            });
            long end = shown.get(120, TimeUnit.SECONDS);
            unlockToList.add((end - start) / 1e6);
            onFx(() -> {
                scene.removePostLayoutPulseListener(check);
                return null;
            });

            for (String query : QUERIES) {
                for (int i = 0; i < query.length(); i++) {
                    char typed = query.charAt(i);
                    CompletableFuture<Long> listed = new CompletableFuture<>();
                    double onFxThread = onFx(() -> {
                        TextField search = (TextField) scene.lookup("#hostSearch");
                        ListView<?> list = (ListView<?>) scene.lookup("#hostList");
                        Parent root = scene.getRoot();
                        ListChangeListener<Object> changed = new ListChangeListener<>() {
                            @Override
                            public void onChanged(Change<?> c) {
                                list.getItems().removeListener(this);
                                long applyStart = System.nanoTime();
                                long applyCpu = CPU.getCurrentThreadCpuTime();
                                root.applyCss();
                                root.layout();
                                long done = System.nanoTime();
                                applied.add((done - applyStart) / 1e6);
                                appliedCpu.add((CPU.getCurrentThreadCpuTime() - applyCpu) / 1e6);
                                listed.complete(done);
                            }
                        };
                        @SuppressWarnings("unchecked")
                        ObservableList<Object> items = (ObservableList<Object>) list.getItems();
                        items.addListener(changed);
                        long t = System.nanoTime();
                        long cpu = CPU.getCurrentThreadCpuTime();
                        search.appendText(String.valueOf(typed));
                        root.applyCss();
                        root.layout();
                        typedAt[0] = t;
                        keystrokeFxCpu.add((CPU.getCurrentThreadCpuTime() - cpu) / 1e6);
                        return (System.nanoTime() - t) / 1e6;
                    });
                    keystrokeFx.add(onFxThread);
                    keystrokeToList.add((listed.get(30, TimeUnit.SECONDS) - typedAt[0]) / 1e6);
                }
                onFx(() -> {
                    ((TextField) scene.lookup("#hostSearch")).clear();
                    return null;
                });
                waitForList(scene, count);
            }
            onFx(() -> {
                shell.lock();
                return null;
            });
            // Locking stops background sync first, away from the UI thread; the unlock screen follows.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!onFx(() -> scene.lookup("#unlockPassword") != null)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the unlock screen did not come back after locking");
                }
            }
        }
        System.out.println("real window on Monocle (software rendering):");
        report("  press Unlock to list drawn", unlockToList);
        report("  keystroke: UI thread busy (incl. CSS, layout)", keystrokeFx);
        report("    (CPU time of the UI thread)", keystrokeFxCpu);
        report("  keystroke: UI thread, showing the result", applied);
        report("    (CPU time of the UI thread)", appliedCpu);
        report("  keystroke: until the list shows its result", keystrokeToList);
        onFx(() -> {
            shell.close();
            return null;
        });
        executor.close();
        Platform.exit();
    }

    /** Waits until the list holds every host again (after clearing the search). */
    private static void waitForList(Scene scene, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (onFx(() -> ((ListView<?>) scene.lookup("#hostList")).getItems().size() == count)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("the list did not come back to every host");
    }

    private static int drawnRows(ListView<?> list) {
        int rows = 0;
        for (Node node : list.lookupAll(".list-cell")) {
            if (node instanceof ListCell<?> cell && cell.getItem() != null && cell.isVisible()) {
                rows++;
            }
        }
        return rows;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static void report(String what, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-48s n=%-4d median %8.2f ms  p90 %8.2f ms  max %8.2f ms%n", what,
                sorted.length, percentile(sorted, 50), percentile(sorted, 90), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("failed: " + what);
        }
    }

}
