package dev.backbeat.server;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** A bucket of calls per key (a token's hash, an address): {@code burst} at once, refilled at a steady rate. */
final class RateLimiter {
    private final double capacity;
    private final double perNano;
    private final LongSupplier clock;
    private final Map<String, double[]> buckets = new HashMap<>();

    RateLimiter(int burst, double perSecond, LongSupplier nanoClock) {
        this.capacity = Math.max(1, burst);
        this.perNano = perSecond / 1e9;
        this.clock = nanoClock;
    }

    /** Takes one call from the key's bucket; false when it is empty. */
    synchronized boolean allow(String key) {
        long now = clock.getAsLong();
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {capacity, now});
        b[0] = Math.min(capacity, b[0] + (now - (long) b[1]) * perNano);
        b[1] = now;
        if (b[0] < 1) {
            return false;
        }
        b[0] -= 1;
        if (buckets.size() > 10_000) {
            // full buckets carry no memory worth keeping
            buckets.values().removeIf(v -> v[0] >= capacity);
        }
        return true;
    }

    /** Seconds until the key may call again (for Retry-After). */
    synchronized long waitSeconds(String key) {
        double[] b = buckets.get(key);
        if (b == null || b[0] >= 1 || perNano <= 0) {
            return 1;
        }
        return Math.max(1, (long) Math.ceil((1 - b[0]) / perNano / 1e9));
    }
}
