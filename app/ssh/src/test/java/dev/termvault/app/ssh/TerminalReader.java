package dev.termvault.app.ssh;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects a shell's output on a background thread, so tests can wait for text to appear. */
final class TerminalReader implements AutoCloseable {

    private final StringBuffer text = new StringBuffer();
    private final Thread thread;

    TerminalReader(InputStream output) {
        thread = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = output.read(buffer)) >= 0; ) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                text.append("\n[read failed: ").append(e.getMessage()).append(']');
            }
        });
    }

    String text() {
        return text.toString();
    }

    /** Waits until the output (from {@code from} on) matches; returns the first group of the match. */
    String awaitMatch(int from, String regex) {
        Pattern pattern = Pattern.compile(regex);
        String[] found = new String[1];
        await("terminal output matching " + regex).atMost(Duration.ofSeconds(20)).until(() -> {
            Matcher m = pattern.matcher(text().substring(Math.min(from, text.length())));
            if (m.find()) {
                found[0] = m.groupCount() > 0 ? m.group(1) : m.group();
                return true;
            }
            return false;
        });
        return found[0];
    }

    static void type(Shell shell, String line) {
        try {
            shell.input().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            shell.input().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
