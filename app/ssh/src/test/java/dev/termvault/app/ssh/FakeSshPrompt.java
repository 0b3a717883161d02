package dev.termvault.app.ssh;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers host-key questions as told and records every question asked. */
public final class FakeSshPrompt implements SshPrompt {

    volatile boolean acceptNew;
    volatile boolean acceptChanged;
    final List<HostKeyQuestion> newKeyQuestions = new CopyOnWriteArrayList<>();
    final List<HostKeyQuestion> changedKeyQuestions = new CopyOnWriteArrayList<>();

    public static FakeSshPrompt trustingNewKeys() {
        FakeSshPrompt prompt = new FakeSshPrompt();
        prompt.acceptNew = true;
        return prompt;
    }

    /** The first-use questions asked so far, in order. */
    public List<HostKeyQuestion> newKeyQuestions() {
        return List.copyOf(newKeyQuestions);
    }

    @Override
    public boolean acceptNewHostKey(HostKeyQuestion question) {
        newKeyQuestions.add(question);
        return acceptNew;
    }

    @Override
    public boolean acceptChangedHostKey(HostKeyQuestion question) {
        changedKeyQuestions.add(question);
        return acceptChanged;
    }

    @Override
    public Optional<char[]> password(String user, String host) {
        return Optional.empty();
    }

    @Override
    public Optional<List<String>> keyboardInteractive(String host, String name, String instruction,
                                                      List<KeyboardPrompt> prompts) {
        return Optional.empty();
    }
}
