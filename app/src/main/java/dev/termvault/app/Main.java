package dev.termvault.app;

import dev.termvault.app.cli.Cli;
import dev.termvault.app.cli.CliContext;
import dev.termvault.app.desktop.GuiLauncher;

/**
 * Entry point of the {@code termvault} launcher. With no arguments it opens the desktop app when a display is
 * available, else prints the help; with arguments it runs the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Cli.configureLogging(args);
        if (args.length == 0 && GuiLauncher.displayAvailable(System.getProperty("os.name", ""), System.getenv())) {
            GuiLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args, CliContext.system()));
    }
}
