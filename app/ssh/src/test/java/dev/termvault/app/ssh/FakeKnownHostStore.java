package dev.termvault.app.ssh;

import java.util.ArrayList;
import java.util.List;

import dev.termvault.vault.model.KnownHost;

/** Known-host records in a list. */
final class FakeKnownHostStore implements KnownHostStore {

    private final List<KnownHost> records = new ArrayList<>();

    @Override
    public synchronized List<KnownHost> list() {
        return List.copyOf(records);
    }

    @Override
    public synchronized void add(KnownHost accepted) {
        records.add(accepted);
    }

    @Override
    public synchronized void replace(KnownHost previous, KnownHost accepted) {
        int at = records.indexOf(previous);
        if (at < 0) {
            throw new IllegalArgumentException("not on record: " + previous);
        }
        records.set(at, accepted);
    }

    synchronized void revokeAll() {
        records.replaceAll(k -> new KnownHost(k.hostPattern(), k.port(), k.keyType(), k.key(), k.firstSeen(), true));
    }
}
