package dev.termvault.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the command line and runs it: the one place the CLI is wired together. */
public final class Cli {

    private Cli() {
    }

    /**
     * Sets the log level from {@code args}; call it before the first logger is made. The log shows warnings only
     * (see simplelogger.properties); with {@code --debug} it also shows Termvault's details and others' INFO.
     */
    public static void configureLogging(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return;
            }
            if (arg.equals("--debug")) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
                System.setProperty("org.slf4j.simpleLogger.log.dev.termvault", "debug");
                return;
            }
        }
    }

    /** Runs {@code args} against the real terminal streams; returns the exit code (see {@link ExitCodes}). */
    public static int run(String[] args, CliContext context) {
        return commandLine(context).execute(args);
    }

    /**
     * A ready {@link CommandLine} whose commands get {@code context} (environment, password reader) and the
     * shared {@link GlobalOptions}. Tests set their own out/err writers on it.
     */
    public static CommandLine commandLine(CliContext context) {
        CommandFactory factory = new CommandFactory(context);
        CommandLine commandLine = new CommandLine(TermvaultCommand.class, factory);
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new FailureHandler(factory.globalOptions()));
        commandLine.setExitCodeExceptionMapper(FailureHandler::exitCodeOf);
        return commandLine;
    }
}
