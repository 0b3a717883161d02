package dev.termvault.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a message a person understands and an exit code (see {@link ExitCodes}).
 * The stack trace is printed only with {@code --debug}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    private final GlobalOptions globalOptions;

    FailureHandler(GlobalOptions globalOptions) {
        this.globalOptions = globalOptions;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("termvault: " + messageOf(e));
        if (globalOptions.debug()) {
            printTrace(e, err);
        } else if (exitCodeOf(e) == ExitCodes.FAILURE && !(e instanceof CliException)) {
            err.println("Run the command again with --debug for the details.");
        }
        err.flush();
        return exitCodeOf(e);
    }

    /** The exit code for a failure; also used by picocli for exceptions raised outside a command. */
    static int exitCodeOf(Throwable e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        return ExitCodes.FAILURE;
    }

    static String messageOf(Throwable e) {
        if (e instanceof CliException) {
            return e.getMessage();
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Something went wrong: " + detail;
    }

    private static void printTrace(Throwable e, PrintWriter err) {
        String prefix = "";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            err.println(prefix + t);
            for (StackTraceElement element : t.getStackTrace()) {
                err.println("\tat " + element);
            }
            prefix = "Caused by: ";
        }
    }
}
