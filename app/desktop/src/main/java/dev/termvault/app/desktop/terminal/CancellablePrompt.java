package dev.termvault.app.desktop.terminal;

import dev.termvault.app.ssh.SshPrompt;

/**
 * A prompt whose open questions can be withdrawn: when a person cancels a connection, a host-key or password
 * question still on screen for it is closed and answered "no", so a cancelled attempt stores nothing.
 */
public interface CancellablePrompt extends SshPrompt {

    /** Answers every open question "no" (refuse, cancel) and every later one too, until {@link #resume()}. */
    void withdraw();

    /** Lets questions through again (called when a new attempt starts). */
    void resume();
}
