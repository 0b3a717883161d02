package dev.termvault.app.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalInt;

import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;

/**
 * An interactive shell with a PTY ({@code xterm-256color}). Write keystrokes to {@link #input()}, read the
 * terminal's output from {@link #output()}, call {@link #resize} when the window changes.
 */
public final class Shell implements AutoCloseable {

    private final ChannelShell channel;

    Shell(ChannelShell channel) {
        this.channel = channel;
    }

    /** What is written here goes to the remote terminal as typed input. */
    public OutputStream input() {
        return channel.getInvertedIn();
    }

    /** The remote terminal's output (standard error included, as on a terminal). */
    public InputStream output() {
        return channel.getInvertedOut();
    }

    /** Tells the server the terminal's new size (window-change). */
    public void resize(int columns, int rows) throws SshConnectionException {
        try {
            channel.sendWindowChange(columns, rows);
        } catch (IOException e) {
            throw new SshConnectionException.ConnectionFailed("Could not resize the terminal.", e);
        }
    }

    public boolean isOpen() {
        return channel.isOpen() && !channel.isClosing();
    }

    /** Waits until the shell ends (the person logs out) or the timeout passes; true if it ended. */
    public boolean awaitClosed(Duration timeout) {
        return !channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout).contains(ClientChannelEvent.TIMEOUT);
    }

    /** The shell's exit status once it has ended. */
    public OptionalInt exitStatus() {
        Integer status = channel.getExitStatus();
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    @Override
    public void close() {
        try {
            channel.close(false).await(Duration.ofSeconds(5));
        } catch (IOException e) {
            // the session is going away anyway
        }
    }
}
