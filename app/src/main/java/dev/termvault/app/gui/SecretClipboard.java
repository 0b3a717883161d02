package dev.termvault.app.gui;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts a secret (a password) on the system clipboard. Call on the JavaFX thread. */
public final class SecretClipboard {

    /** Copies {@code secret} to the clipboard. */
    public void copySecret(String secret) {
        ClipboardContent content = new ClipboardContent();
        content.putString(secret);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
