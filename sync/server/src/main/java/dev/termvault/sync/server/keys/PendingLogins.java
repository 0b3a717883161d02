package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.keys.crypto.SrpServerSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logins between start and finish, in memory: each lives {@link #TTL} and is taken once. With several key
 * service instances, a load balancer must send both steps to the same instance (or the client retries).
 */
final class PendingLogins {

    static final Duration TTL = Duration.ofMinutes(2);
    private static final int MAX_PENDING = 100_000;

    /** A started login; {@code accountId} is null for an unknown email (it can never finish). */
    record Pending(String loginId, String email, String accountId, SrpServerSession srp, long expiresAt) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingLogins(Clock clock) {
        this.clock = clock;
    }

    Pending add(String email, String accountId, SrpServerSession srp) {
        long now = clock.millis();
        if (pending.size() >= MAX_PENDING) {
            pending.values().removeIf(p -> p.expiresAt() <= now);
            if (pending.size() >= MAX_PENDING) {
                throw new ApiException.RateLimited("too many logins in progress; try again shortly", 5);
            }
        }
        Pending p = new Pending(UUID.randomUUID().toString(), email, accountId, srp, now + TTL.toMillis());
        pending.put(p.loginId(), p);
        return p;
    }

    /** Removes and returns the login if it exists and has not expired. */
    Optional<Pending> take(String loginId) {
        Pending p = loginId == null ? null : pending.remove(loginId);
        return Optional.ofNullable(p).filter(x -> x.expiresAt() > clock.millis());
    }
}
