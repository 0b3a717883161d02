package dev.termvault.app.desktop.common;

import dev.termvault.app.desktop.credentials.CredentialsPane;
import dev.termvault.app.desktop.keys.KeysPane;
import dev.termvault.app.desktop.knownhosts.KnownHostsPane;
import dev.termvault.app.desktop.snippets.SnippetsPane;
import dev.termvault.app.desktop.SecretClipboard;
import dev.termvault.app.desktop.TaskExecutor;
import dev.termvault.app.desktop.credentials.CredentialsViewModel;
import dev.termvault.app.desktop.keys.KeyGenerationViewModel;
import dev.termvault.app.desktop.keys.KeyImportViewModel;
import dev.termvault.app.desktop.keys.KeysViewModel;
import dev.termvault.app.desktop.knownhosts.KnownHostsViewModel;
import dev.termvault.app.desktop.snippets.SnippetsViewModel;
import dev.termvault.vault.Vault;
import java.time.ZoneId;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The record screens besides Hosts: Keys, Credentials, Snippets and Known hosts, each over the same unlocked
 * vault.
 */
public record RecordPanes(KeysPane keys, CredentialsPane credentials, SnippetsPane snippets,
                          KnownHostsPane knownHosts) {

    /** Builds the four screens. Passwords are copied through {@code secrets}; other text is copied plainly. */
    public static RecordPanes create(Vault vault, TaskExecutor executor, SecretClipboard secrets) {
        return new RecordPanes(
                new KeysPane(new KeysViewModel(vault, RecordPanes::copy), new KeyGenerationViewModel(vault, executor),
                        new KeyImportViewModel(vault, executor), defaultComment()),
                new CredentialsPane(new CredentialsViewModel(vault, secrets::copySecret)),
                new SnippetsPane(new SnippetsViewModel(vault, RecordPanes::copy)),
                new KnownHostsPane(new KnownHostsViewModel(vault), ZoneId.systemDefault()));
    }

    /** Puts text that is not secret on the clipboard. */
    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** {@code user@host} of this computer, as ssh-keygen writes it, or just the user when the host is unknown. */
    static String defaultComment() {
        String user = System.getProperty("user.name", "");
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        return host == null || host.isBlank() ? user : user + "@" + host;
    }
}
