package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.keys.crypto.SrpServerSession;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Logins between start and finish, in memory: each lives {@link #TTL} and is taken once. One address block
 * holds at most {@code perAddress} of them (more are refused with {@code rate_limited}); when the whole table
 * ({@code capacity}) is full, the oldest login is dropped, so no address, nor a crowd of them, can lock the
 * others out: an honest login finishes within seconds and is never the oldest for long. With several key
 * service instances, a load balancer must send both steps to the same instance (or the client retries).
 */
final class PendingLogins {

    static final Duration TTL = Duration.ofMinutes(2);
    static final int DEFAULT_CAPACITY = 100_000;
    static final int DEFAULT_PER_ADDRESS = 10;

    /** A started login; {@code accountId} is null for an unknown email (it can never finish). */
    record Pending(String loginId, String email, String accountId, SrpServerSession srp, long expiresAt,
                   String block) {
    }

    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Integer> perBlock = new HashMap<>();
    private final Clock clock;
    private final int capacity;
    private final int perAddress;

    PendingLogins(Clock clock, int capacity, int perAddress) {
        this.clock = clock;
        this.capacity = capacity;
        this.perAddress = perAddress;
    }

    synchronized Pending add(String email, String accountId, SrpServerSession srp, String address) {
        long now = clock.millis();
        dropExpired(now);
        String block = AddressBlock.of(address);
        if (perBlock.getOrDefault(block, 0) >= perAddress) {
            throw new ApiException.RateLimited("too many logins in progress from this address; try again shortly",
                    (int) TTL.toSeconds());
        }
        while (pending.size() >= capacity) {
            Iterator<Pending> oldest = pending.values().iterator();
            forget(oldest.next());
            oldest.remove();
        }
        Pending p = new Pending(UUID.randomUUID().toString(), email, accountId, srp, now + TTL.toMillis(), block);
        pending.put(p.loginId(), p);
        perBlock.merge(block, 1, Integer::sum);
        return p;
    }

    /** Removes and returns the login if it exists and has not expired. */
    synchronized Optional<Pending> take(String loginId) {
        Pending p = loginId == null ? null : pending.remove(loginId);
        if (p != null) {
            forget(p);
        }
        return Optional.ofNullable(p).filter(x -> x.expiresAt() > clock.millis());
    }

    synchronized int size() {
        return pending.size();
    }

    private void dropExpired(long now) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.expiresAt() > now) {
                return;
            }
            forget(p);
            it.remove();
        }
    }

    private void forget(Pending p) {
        perBlock.computeIfPresent(p.block(), (k, n) -> n <= 1 ? null : n - 1);
    }
}
