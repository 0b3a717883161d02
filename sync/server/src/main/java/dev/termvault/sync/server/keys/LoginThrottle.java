package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.keys.store.ThrottleStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Slows password guessing without handing strangers a lock: failed proofs are counted per (account, address
 * block) and per address block ({@link AddressBlock}), never per account alone, so wrong proofs sent from
 * elsewhere never keep the owner out. The first {@code pairFreeFailures} failures of a pair (and
 * {@code addressFreeFailures} of an address) cost nothing; each further one locks that key for
 * {@code base × 2^(n − free − 1)}, at most {@code max}. A success resets its pair. Counters are in the store
 * ({@link ThrottleStore}), shared by every instance, keyed by a one-way {@code keyer} (no email or address in
 * clear), and forgotten {@code max} after their last failure.
 */
public final class LoginThrottle {

    /** Settings; {@link #DEFAULTS}: 5 free failures per account and address, 20 per address, 1 s doubling to 15 min. */
    public record Settings(int pairFreeFailures, int addressFreeFailures, Duration base, Duration max) {
    }

    public static final Settings DEFAULTS = new Settings(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15));
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private final ThrottleStore store;
    private final Clock clock;
    private final Settings settings;
    private final UnaryOperator<String> keyer;
    private final AtomicLong lastPrune = new AtomicLong();

    public LoginThrottle(ThrottleStore store, Clock clock, Settings settings, UnaryOperator<String> keyer) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.keyer = keyer;
    }

    /** Seconds until a proof for this account from this address may be tried; 0 when it may now. */
    public long retryAfterSeconds(String account, String address) {
        String pair = pairKey(account, address);
        String block = addressKey(address);
        Map<String, ThrottleStore.Counter> found = store.find(List.of(pair, block));
        long now = clock.millis();
        return Math.max(waitSeconds(found.get(pair), settings.pairFreeFailures(), now),
                waitSeconds(found.get(block), settings.addressFreeFailures(), now));
    }

    public void failure(String account, String address) {
        long now = clock.millis();
        long forgetBefore = now - settings.max().toMillis();
        store.fail(pairKey(account, address), now, forgetBefore);
        store.fail(addressKey(address), now, forgetBefore);
        long last = lastPrune.get();
        if (now - last >= PRUNE_EVERY_MILLIS && lastPrune.compareAndSet(last, now)) {
            store.forgetBefore(forgetBefore);
        }
    }

    /** A correct proof: forgets this pair's failures (not the address's). */
    public void success(String account, String address) {
        store.reset(pairKey(account, address));
    }

    private String pairKey(String account, String address) {
        return keyer.apply("pair|" + account + "|" + AddressBlock.of(address));
    }

    private String addressKey(String address) {
        return keyer.apply("address|" + AddressBlock.of(address));
    }

    private long waitSeconds(ThrottleStore.Counter c, int free, long now) {
        if (c == null || c.failures() <= free || c.lastAt() < now - settings.max().toMillis()) {
            return 0;
        }
        int doublings = Math.min(c.failures() - free - 1, 30);
        long delay = Math.min(settings.base().toMillis() << doublings, settings.max().toMillis());
        long millis = c.lastAt() + delay - now;
        return millis <= 0 ? 0 : Math.max(1, (millis + 999) / 1000);
    }
}
