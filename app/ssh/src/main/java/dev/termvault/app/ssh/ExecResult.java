package dev.termvault.app.ssh;

/**
 * What a command run with {@link SshSession#exec} produced.
 *
 * @param exitStatus the command's exit status, or -1 if the server sent none (e.g. killed by a signal)
 * @param output     its standard output, as UTF-8
 * @param errors     its standard error, as UTF-8
 */
public record ExecResult(int exitStatus, String output, String errors) {
}
