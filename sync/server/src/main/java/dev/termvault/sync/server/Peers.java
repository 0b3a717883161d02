package dev.termvault.sync.server;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process links between roles that run in the same process: a role {@link #provide}s a capability (e.g.
 * the blob role provides {@link RevocationListener}) and another role {@link #find}s it when it needs it. Look
 * it up at call time, not at creation: roles are made in no promised order. When the capability is absent
 * (the other role runs elsewhere) use its HTTP endpoint instead.
 */
public final class Peers {
    private final ConcurrentHashMap<Class<?>, Object> services = new ConcurrentHashMap<>();

    public <T> void provide(Class<T> type, T service) {
        services.put(type, service);
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(services.get(type)));
    }
}
