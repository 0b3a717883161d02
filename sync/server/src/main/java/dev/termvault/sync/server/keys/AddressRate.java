package dev.termvault.sync.server.keys;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per address block ({@link AddressBlock}), in this instance's memory: {@code perWindow}
 * requests at once, refilled evenly over {@code window}. Caps what one address can make the key service do
 * (SRP exponentiations, mails); other addresses are not affected. At most {@code maxTracked} addresses are
 * kept, the least recently seen dropped first (a dropped address starts with a full bucket again).
 */
final class AddressRate {

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Clock clock;
    private final int perWindow;
    private final double perMilli;
    private final int maxTracked;
    private final Map<String, Bucket> buckets;

    AddressRate(Clock clock, int perWindow, Duration window, int maxTracked) {
        this.clock = clock;
        this.perWindow = perWindow;
        this.perMilli = perWindow / (double) window.toMillis();
        this.maxTracked = maxTracked;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > AddressRate.this.maxTracked;
            }
        };
    }

    /** Takes one token for this address; returns 0 when taken, else the seconds until one is available. */
    synchronized long take(String address) {
        long now = clock.millis();
        Bucket b = buckets.computeIfAbsent(AddressBlock.of(address), k -> new Bucket(perWindow, now));
        b.tokens = Math.min(perWindow, b.tokens + (now - b.at) * perMilli);
        b.at = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b.tokens) / perMilli / 1000));
    }
}
