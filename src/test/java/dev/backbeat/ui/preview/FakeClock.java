package dev.backbeat.ui.preview;

import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, in nanoseconds. */
public final class FakeClock {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    public long nanos() {
        return nanos.get();
    }

    public void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }
}
