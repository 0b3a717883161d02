package dev.termvault.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A wrong command line: says what is wrong, shows the command's usage, exits with {@link ExitCodes#USAGE}
 * ({@link ExitCodes#CONNECT_FAILED} for {@code connect}).
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("termvault: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            commandLine.usage(err);
        }
        err.flush();
        return commandLine.getCommand() instanceof ConnectCommand ? ExitCodes.CONNECT_FAILED : ExitCodes.USAGE;
    }
}
