package dev.termvault.app.gui;

import dev.termvault.app.cli.CliContext;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app. Start it through {@link GuiLauncher} (the classpath has no JavaFX modules). */
public final class TermvaultApp extends Application {

    private final FxTaskExecutor executor = new FxTaskExecutor();
    private AppShell shell;

    @Override
    public void start(Stage stage) {
        Path vaultDirectory = CliContext.system().defaultVaultDirectory().toAbsolutePath();
        shell = new AppShell(vaultDirectory, executor, GuiSettings.load(vaultDirectory));
        stage.setTitle("Termvault");
        stage.setScene(shell.createScene());
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
        new FirstSceneProbe(System.getenv(), System.out, FirstSceneProbe::exitApp).watch(stage.getScene(), shell::screenName);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        executor.close();
    }
}
