package dev.termvault.app.core.snippets;

import dev.termvault.app.ssh.SshPrompt;
import java.util.List;
import java.util.Optional;

/**
 * A prompt that lets one question through at a time, so hosts connecting side by side never ask a person two
 * things at once (two host keys on one terminal, two dialogs over each other).
 */
final class OneQuestionAtATime implements SshPrompt {

    private final SshPrompt prompt;

    OneQuestionAtATime(SshPrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public synchronized boolean acceptNewHostKey(HostKeyQuestion question) {
        return prompt.acceptNewHostKey(question);
    }

    @Override
    public synchronized boolean acceptChangedHostKey(HostKeyQuestion question) {
        return prompt.acceptChangedHostKey(question);
    }

    @Override
    public synchronized Optional<char[]> password(String user, String host) {
        return prompt.password(user, host);
    }

    @Override
    public synchronized Optional<List<String>> keyboardInteractive(String host, String name, String instruction,
                                                                   List<KeyboardPrompt> prompts) {
        return prompt.keyboardInteractive(host, name, instruction, prompts);
    }

    @Override
    public synchronized void banner(String host, String message) {
        prompt.banner(host, message);
    }
}
