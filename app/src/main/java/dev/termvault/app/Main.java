package dev.termvault.app;

import dev.termvault.app.cli.Cli;
import dev.termvault.app.cli.CliContext;

/** Entry point of the {@code termvault} launcher. With no arguments it prints the help (the GUI comes later). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, CliContext.system()));
    }
}
