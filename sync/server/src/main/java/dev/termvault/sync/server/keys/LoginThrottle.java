package dev.termvault.sync.server.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: counts failed logins per account (by email, so unknown emails count too) and per
 * client address. The first {@code freeFailures} failures of a key cost nothing; each further one locks that
 * key for {@code base × 2^(n − freeFailures)}, at most {@code max}. A success resets the account's counter
 * (not the address's). Counters forget a key {@code max} after its last failure. State is per process.
 */
public final class LoginThrottle {

    /** Settings; {@link #DEFAULTS} is 5 free failures per account, 20 per address, 1 s doubling to 15 min. */
    public record Settings(int accountFreeFailures, int addressFreeFailures, Duration base, Duration max) {
    }

    public static final Settings DEFAULTS = new Settings(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15));
    private static final int PRUNE_ABOVE = 100_000;

    private record Counter(int failures, Instant lockedUntil, Instant last) {
    }

    private final Clock clock;
    private final Settings settings;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Seconds until a login for this account from this address may be tried; 0 when it may now. */
    public long retryAfterSeconds(String account, String address) {
        Instant now = clock.instant();
        long wait = Math.max(waitSeconds(accounts.get(account), now), waitSeconds(addresses.get(address), now));
        return wait;
    }

    public void failure(String account, String address) {
        Instant now = clock.instant();
        accounts.compute(account, (k, c) -> bump(c, now, settings.accountFreeFailures()));
        addresses.compute(address, (k, c) -> bump(c, now, settings.addressFreeFailures()));
        prune(now);
    }

    public void success(String account) {
        accounts.remove(account);
    }

    private Counter bump(Counter c, Instant now, int free) {
        int failures = (c == null || expired(c, now) ? 0 : c.failures()) + 1;
        Instant until = now;
        if (failures > free) {
            int doublings = Math.min(failures - free - 1, 30);
            Duration delay = settings.base().multipliedBy(1L << doublings);
            until = now.plus(delay.compareTo(settings.max()) > 0 ? settings.max() : delay);
        }
        return new Counter(failures, until, now);
    }

    private boolean expired(Counter c, Instant now) {
        return c.last().plus(settings.max()).isBefore(now) && !c.lockedUntil().isAfter(now);
    }

    private static long waitSeconds(Counter c, Instant now) {
        if (c == null || !c.lockedUntil().isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, c.lockedUntil()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private void prune(Instant now) {
        if (accounts.size() > PRUNE_ABOVE) {
            accounts.values().removeIf(c -> expired(c, now));
        }
        if (addresses.size() > PRUNE_ABOVE) {
            addresses.values().removeIf(c -> expired(c, now));
        }
    }
}
