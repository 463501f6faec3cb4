package dev.backbeat.ui.preview;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A test sink: keeps every sample it was given (left channel), in order, with where the last
 * flush dropped the unplayed ones, and reports its played position from a fake clock.
 */
public final class RecordingSink implements AudioSink {
    /** A clock the test moves by hand. */
    public static final class FakeClock {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

        public long nanos() {
            return nanos.get();
        }

        public void advanceMillis(long ms) {
            nanos.addAndGet(ms * 1_000_000L);
        }
    }

    private final SilentSink timing;
    private float[] left = new float[1 << 16];
    private int count;
    /** Where in {@link #samples} the sound after the latest flush begins. */
    private int sinceFlush;
    private long firstWriteNanos = -1;
    private final FakeClock clock;

    public RecordingSink(FakeClock clock) {
        this.clock = clock;
        this.timing = new SilentSink(clock::nanos, null);
    }

    @Override
    public synchronized int available() {
        return timing.available();
    }

    @Override
    public synchronized void write(float[] l, float[] r, int n) {
        if (firstWriteNanos < 0) {
            firstWriteNanos = clock.nanos();
        }
        if (count + n > left.length) {
            left = java.util.Arrays.copyOf(left, Math.max(left.length * 2, count + n));
        }
        System.arraycopy(l, 0, left, count, n);
        count += n;
        timing.write(l, r, n);
    }

    @Override
    public synchronized long played() {
        return timing.played();
    }

    @Override
    public synchronized void start() {
        timing.start();
    }

    @Override
    public synchronized void stop() {
        timing.stop();
    }

    @Override
    public synchronized void flush() {
        timing.flush();
        sinceFlush = count;
    }

    /** The samples written since the latest flush (the left channel). */
    public synchronized float[] sinceFlush() {
        return java.util.Arrays.copyOfRange(left, sinceFlush, count);
    }

    public synchronized int written() {
        return count;
    }

    @Override
    public String silentBecause() {
        return null;
    }

    @Override
    public void close() {
        timing.close();
    }
}
