package dev.termvault.app.ssh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;

/**
 * Bridges MINA's password and keyboard-interactive callbacks to the {@link SshPrompt}. A password from the
 * vault is used once; after that, or without one, the person is asked.
 */
final class PromptInteraction implements UserInteraction {

    private final String host;
    private final String user;
    private final SshPrompt prompt;
    private final AuthAttempts attempts;
    private final boolean passwordAllowed;
    private final boolean keyboardAllowed;
    private char[] storedPassword;
    private int passwordRounds;

    PromptInteraction(String host, String user, SshPrompt prompt, AuthAttempts attempts, char[] storedPassword,
                      boolean passwordAllowed, boolean keyboardAllowed) {
        this.host = host;
        this.user = user;
        this.prompt = prompt;
        this.attempts = attempts;
        this.storedPassword = storedPassword;
        this.passwordAllowed = passwordAllowed;
        this.keyboardAllowed = keyboardAllowed;
    }

    @Override
    public boolean isInteractionAllowed(ClientSession session) {
        return true;
    }

    @Override
    public void welcome(ClientSession session, String banner, String lang) {
        prompt.banner(host, banner);
    }

    @Override
    public synchronized String resolveAuthPasswordAttempt(ClientSession session) {
        if (!passwordAllowed || passwordRounds++ >= 3) {
            return null;
        }
        attempts.tried("password");
        char[] password = storedPassword;
        storedPassword = null;
        if (password == null) {
            password = prompt.password(user, host).orElse(null);
        }
        if (password == null) {
            return null;
        }
        try {
            return new String(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                String[] prompts, boolean[] echo) {
        if (!keyboardAllowed) {
            return null;
        }
        attempts.tried("keyboard-interactive");
        List<SshPrompt.KeyboardPrompt> questions = new ArrayList<>();
        for (int i = 0; i < prompts.length; i++) {
            questions.add(new SshPrompt.KeyboardPrompt(prompts[i], echo != null && i < echo.length && echo[i]));
        }
        Optional<List<String>> answers = prompt.keyboardInteractive(host, name, instruction, questions);
        return answers.map(a -> a.toArray(String[]::new)).orElse(null);
    }

    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
        return null;
    }

    synchronized void wipe() {
        if (storedPassword != null) {
            Arrays.fill(storedPassword, '\0');
            storedPassword = null;
        }
    }
}
