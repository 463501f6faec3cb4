package dev.backbeat.ui.preview;

import java.util.function.LongSupplier;

/**
 * A sink that keeps what it was given (the left channel, since the last flush) and keeps time
 * as a sound device would, from a clock: for the benchmark (the system clock) and the tests (a
 * fake one), which judge the player by what it wrote and when that was heard.
 */
public final class RecordingSink implements AudioSink {
    private final SilentSink timing;
    private float[] left = new float[1 << 16];
    private int count;
    private int flushes;

    public RecordingSink(LongSupplier nanoClock) {
        this.timing = new SilentSink(nanoClock, null);
    }

    @Override
    public synchronized int available() {
        return timing.available();
    }

    @Override
    public synchronized void write(float[] l, float[] r, int n) {
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
        count = 0;
        flushes++;
    }

    /** The samples written since the last flush (the left channel). */
    public synchronized float[] sinceFlush() {
        return java.util.Arrays.copyOf(left, count);
    }

    /** How many frames were written since the last flush. */
    public synchronized int written() {
        return count;
    }

    public synchronized int flushes() {
        return flushes;
    }

    /** When frame {@code k} since the last flush was heard, on the sink's clock (-1 before it started). */
    public long heardAt(long k) {
        return timing.heardAt(k);
    }

    public int underruns() {
        return timing.underruns();
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
