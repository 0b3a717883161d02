package dev.termvault.app.desktop;

import dev.termvault.app.core.DataDirectories;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.application.Application;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop app. Start it through {@link GuiLauncher} (the classpath has no JavaFX modules). */
public final class TermvaultApp extends Application {

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppShell shell;
    private GuiSettings settings;

    @Override
    public void start(Stage stage) {
        Path vaultDirectory = DataDirectories.defaultVaultDirectory().toAbsolutePath();
        settings = GuiSettings.load(vaultDirectory);
        shell = new AppShell(vaultDirectory, executor, settings);
        stage.setTitle("Termvault");
        stage.setScene(shell.createScene());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        restoreWindow(stage);
        FirstSceneProbe probe = new FirstSceneProbe(System.getenv(), System.out, FirstSceneProbe::exitApp);
        if (!probe.active()) {
            // A probe run (a screenshot or a start-up timing) leaves the data folder as it found it.
            stage.setOnHiding(e -> saveWindow(stage));
        }
        stage.show();
        probe.watch(stage.getScene(), shell::screenName);
    }

    /** Puts the window where it was last time, moved and shrunk to fit the screens there are now. */
    private void restoreWindow(Stage stage) {
        settings.window().ifPresent(saved -> {
            List<WindowBounds.Area> screens = Screen.getScreens().stream().map(screen -> {
                Rectangle2D area = screen.getVisualBounds();
                return new WindowBounds.Area(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
            }).toList();
            WindowBounds fitted = saved.clampTo(screens, stage.getMinWidth(), stage.getMinHeight());
            stage.setX(fitted.x());
            stage.setY(fitted.y());
            stage.setWidth(fitted.width());
            stage.setHeight(fitted.height());
            stage.setMaximized(fitted.maximized());
        });
    }

    private void saveWindow(Stage stage) {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0) {
            return;
        }
        boolean maximized = stage.isMaximized();
        WindowBounds now = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), maximized);
        // A maximized window keeps the size it had before, so un-maximizing next time gives that back.
        WindowBounds kept = maximized ? settings.window().map(w -> new WindowBounds(w.x(), w.y(), w.width(),
                w.height(), true)).orElse(now) : now;
        settings.setWindow(kept);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        executor.close();
    }
}
