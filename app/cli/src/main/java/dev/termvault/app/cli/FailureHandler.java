package dev.termvault.app.cli;

import dev.termvault.app.core.CoreException;
import dev.termvault.vault.VaultException;
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
        int exitCode = exitCodeOf(e);
        String message = messageOf(e);
        if (commandLine.getCommand() instanceof ConnectCommand) {
            message = message.replace("(exit code " + exitCode + ")", "(exit code " + ExitCodes.CONNECT_FAILED + ")");
        }
        err.println("termvault: " + message);
        if (globalOptions.debug()) {
            printTrace(e, err);
        } else if (exitCode == ExitCodes.FAILURE && !(e instanceof CliException)) {
            err.println("Run the command again with --debug for the details.");
        }
        err.flush();
        return commandLine.getCommand() instanceof ConnectCommand ? ExitCodes.CONNECT_FAILED : exitCode;
    }

    /** The exit code for a failure; also used by picocli for exceptions raised outside a command. */
    static int exitCodeOf(Throwable e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        if (e instanceof CoreException core) {
            return switch (core) {
                case CoreException.NotFound n -> ExitCodes.NOT_FOUND;
                case CoreException.Ambiguous a -> ExitCodes.NOT_FOUND;
                case CoreException.AlreadyExists a -> ExitCodes.NOT_FOUND;
                case CoreException.Unreadable u -> ExitCodes.UNREADABLE;
                case CoreException.Invalid i -> ExitCodes.USAGE;
                case CoreException.NotConfirmed n -> ExitCodes.USAGE;
            };
        }
        if (e instanceof VaultException vault) {
            return switch (vault) {
                case VaultException.WrongPassword w -> ExitCodes.WRONG_PASSWORD;
                case VaultException.Tampered t -> ExitCodes.UNREADABLE;
                case VaultException.UnsupportedFormatVersion u -> ExitCodes.UNREADABLE;
                case VaultException.WeakKdfParameters w -> ExitCodes.UNREADABLE;
                case VaultException.KdfParametersOutOfRange k -> ExitCodes.UNREADABLE;
                case VaultException.NotFound n -> ExitCodes.NOT_FOUND;
                case VaultException.NotAVault n -> ExitCodes.NOT_FOUND;
                case VaultException.AlreadyExists a -> ExitCodes.NOT_FOUND;
                default -> ExitCodes.FAILURE;
            };
        }
        return ExitCodes.FAILURE;
    }

    static String messageOf(Throwable e) {
        if (e instanceof CliException) {
            return e.getMessage();
        }
        if (e instanceof CoreException core) {
            return core.getMessage() + " (exit code " + exitCodeOf(core) + ")";
        }
        if (e instanceof VaultException vault) {
            return switch (vault) {
                case VaultException.WrongPassword w ->
                        "Wrong master password. Nothing was changed. (exit code 2)";
                case VaultException.Tampered t -> "The vault's data cannot be trusted: "
                        + t.getMessage() + ". It was damaged or changed outside Termvault. (exit code 3)";
                case VaultException.UnsupportedFormatVersion u -> "This vault cannot be read: " + u.getMessage()
                        + ". (exit code 3)";
                case VaultException.WeakKdfParameters w -> "This vault is refused: its " + w.getMessage()
                        + ". Someone may have weakened it on purpose. (exit code 3)";
                case VaultException.KdfParametersOutOfRange k -> "This vault is refused: its " + k.getMessage()
                        + ". (exit code 3)";
                case VaultException.NotFound n -> capitalise(n.getMessage()) + ". (exit code 4)";
                case VaultException.NotAVault n -> "There is " + n.getMessage()
                        + ". Create one with: termvault init. (exit code 4)";
                case VaultException.AlreadyExists a -> capitalise(a.getMessage()) + ". Nothing was changed. (exit code 4)";
                case VaultException.StorageFailed f -> "The vault's files could not be read or written: "
                        + f.getMessage() + ". (exit code 5)";
                case VaultException.Locked l -> "The vault is locked; unlock it first.";
                default -> capitalise(vault.getMessage()) + ".";
            };
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Something went wrong: " + detail;
    }

    private static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
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
