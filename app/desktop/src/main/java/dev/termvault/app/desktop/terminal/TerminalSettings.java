package dev.termvault.app.desktop.terminal;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.text.Font;

/**
 * What every terminal tab shares: the font size (zoomed with Ctrl+= / Ctrl+- / Ctrl+0), a dark palette and
 * the scrollback length. Copy and paste use Ctrl+Shift+C / Ctrl+Shift+V (Cmd+C / Cmd+V on macOS).
 */
public final class TerminalSettings extends DefaultSettingsProvider {

    public static final double DEFAULT_FONT_SIZE = 14;
    public static final double MIN_FONT_SIZE = 8;
    public static final double MAX_FONT_SIZE = 36;
    /** Lines kept above the screen. */
    public static final int SCROLLBACK_LINES = 10_000;

    private final DoubleProperty fontSize = new SimpleDoubleProperty(DEFAULT_FONT_SIZE);

    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    public void zoomIn() {
        fontSize.set(Math.min(MAX_FONT_SIZE, fontSize.get() + 1));
    }

    public void zoomOut() {
        fontSize.set(Math.max(MIN_FONT_SIZE, fontSize.get() - 1));
    }

    public void resetZoom() {
        fontSize.set(DEFAULT_FONT_SIZE);
    }

    @Override
    public Font getTerminalFont() {
        return Font.font(super.getTerminalFont().getFamily(), fontSize.get());
    }

    @Override
    public float getTerminalFontSize() {
        return (float) fontSize.get();
    }

    @Override
    public TextStyle getDefaultStyle() {
        return new TextStyle(TerminalColor.rgb(0xD8, 0xDE, 0xE9), TerminalColor.rgb(0x1E, 0x22, 0x2A));
    }

    @Override
    public TextStyle getSelectionColor() {
        return new TextStyle(TerminalColor.rgb(0xFF, 0xFF, 0xFF), TerminalColor.rgb(0x3B, 0x5B, 0x8C));
    }

    @Override
    public int getBufferMaxLinesCount() {
        return SCROLLBACK_LINES;
    }

    @Override
    public boolean audibleBell() {
        return false;
    }
}
