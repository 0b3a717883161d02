package dev.termvault.app.desktop.terminal;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;
import dev.termvault.app.ssh.Shell;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Joins the terminal widget to an SSH {@link Shell}: the widget reads the shell's output (UTF-8), writes
 * keystrokes to its input, and reports its size, which goes to the remote PTY as a window change.
 */
public final class ShellTtyConnector implements TtyConnector {

    private final Shell shell;
    private final String name;
    private final Reader output;
    private final OutputStream input;
    private final BiConsumer<Integer, Integer> resize;

    /**
     * @param shell  the running shell
     * @param name   what the widget calls the connection (the host label)
     * @param resize called with (columns, rows) when the terminal's size changes
     */
    public ShellTtyConnector(Shell shell, String name, BiConsumer<Integer, Integer> resize) {
        this.shell = shell;
        this.name = name;
        this.output = new InputStreamReader(shell.output(), StandardCharsets.UTF_8);
        this.input = shell.input();
        this.resize = resize;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        return output.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        input.write(bytes);
        input.flush();
    }

    @Override
    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isConnected() {
        return shell.isOpen();
    }

    @Override
    public void resize(TermSize size) {
        resize.accept(size.getColumns(), size.getRows());
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (!shell.awaitClosed(Duration.ofMinutes(10))) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return shell.exitStatus().orElse(-1);
    }

    @Override
    public boolean ready() throws IOException {
        return output.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        shell.close();
    }
}
