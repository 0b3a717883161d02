package dev.termvault.app.ssh;

import java.util.ArrayList;
import java.util.List;

/** Records which login methods were actually offered to a server, for the "authentication failed" message. */
final class AuthAttempts {

    private final List<String> tried = new ArrayList<>();

    synchronized void tried(String method) {
        if (!tried.contains(method)) {
            tried.add(method);
        }
    }

    synchronized List<String> list() {
        return List.copyOf(tried);
    }
}
