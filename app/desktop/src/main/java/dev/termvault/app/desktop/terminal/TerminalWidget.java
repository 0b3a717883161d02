package dev.termvault.app.desktop.terminal;

import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalCopyPasteHandler;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The JediTermFX terminal with what the app adds: the font follows {@link TerminalSettings#fontSizeProperty()}
 * (and the PTY is told the new size), and copy and paste go through the JavaFX clipboard.
 */
public final class TerminalWidget extends JediTermFxWidget {

    public TerminalWidget(TerminalSettings settings) {
        super(settings);
    }

    @Override
    protected TerminalPanel createTerminalPanel(SettingsProvider settings, StyleState style, TerminalTextBuffer buffer) {
        return new Panel(settings, buffer, style);
    }

    /** Re-reads the font size from the settings, re-measures the cells and resizes the terminal to match. */
    public void applyFont() {
        ((Panel) getTerminalPanel()).applyFont();
    }

    /** The text on the screen now, one line per row (for tests and diagnostics). */
    public String screenText() {
        TerminalTextBuffer buffer = getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    /** The screen text with the scrollback above it. */
    public String allText() {
        TerminalTextBuffer buffer = getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getHistoryBuffer().getLines() + "\n" + buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    private static final class Panel extends TerminalPanel {

        Panel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState style) {
            super(settings, buffer, style);
        }

        void applyFont() {
            reinitFontAndResize();
            repaint();
        }

        @Override
        protected TerminalCopyPasteHandler createCopyPasteHandler() {
            return new FxClipboard();
        }
    }

    /** Copy and paste through the JavaFX system clipboard (AWT's is not available in every setup). */
    private static final class FxClipboard implements TerminalCopyPasteHandler {

        @Override
        public void setContents(String text, boolean useSystemSelectionClipboard) {
            if (useSystemSelectionClipboard) {
                return;
            }
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }

        @Override
        public String getContents(boolean useSystemSelectionClipboard) {
            if (useSystemSelectionClipboard) {
                return null;
            }
            Clipboard clipboard = Clipboard.getSystemClipboard();
            return clipboard.hasString() ? clipboard.getString() : null;
        }
    }
}
