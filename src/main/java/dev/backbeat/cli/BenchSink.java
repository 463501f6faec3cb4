package dev.backbeat.cli;

import dev.backbeat.ui.preview.AudioSink;

import java.util.ArrayList;
import java.util.List;

/**
 * The player's sound output as the benchmark sees it: a sink that plays in real time on the
 * system clock (as a sound device would, a fifth of a second of buffer, as the app's sink), keeps what was written
 * since the last flush, and can say when each of those samples was heard.
 */
final class BenchSink implements AudioSink {
    private static final int BUFFER = RATE / 5;
    private float[] left = new float[1 << 20];
    private int count;
    private long played;
    private long startedAt = -1;
    private int flushes;
    private int underruns;
    /** Runs of steady playing: from this nanoTime on, sample {@code [1]} onward is heard at RATE. */
    private final List<long[]> runs = new ArrayList<>();

    @Override
    public synchronized int available() {
        return (int) Math.max(0, BUFFER - (count - played()));
    }

    @Override
    public synchronized void write(float[] l, float[] r, int n) {
        if (count + n > left.length) {
            left = java.util.Arrays.copyOf(left, Math.max(2 * left.length, count + n));
        }
        System.arraycopy(l, 0, left, count, n);
        count += n;
    }

    @Override
    public synchronized long played() {
        if (startedAt < 0) {
            return played;
        }
        long now = System.nanoTime();
        long p = played + (now - startedAt) * RATE / 1_000_000_000L;
        if (p > count) {
            underruns++;
            played = count;
            startedAt = now;
            runs.add(new long[] {now, played});
            return played;
        }
        return p;
    }

    @Override
    public synchronized void start() {
        if (startedAt < 0) {
            startedAt = System.nanoTime();
            runs.add(new long[] {startedAt, played});
        }
    }

    @Override
    public synchronized void stop() {
        played = played();
        startedAt = -1;
    }

    @Override
    public synchronized void flush() {
        boolean running = startedAt >= 0;
        count = 0;
        played = 0;
        flushes++;
        runs.clear();
        startedAt = running ? System.nanoTime() : -1;
        if (running) {
            runs.add(new long[] {startedAt, 0});
        }
    }

    synchronized int flushes() {
        return flushes;
    }

    synchronized int underruns() {
        return underruns;
    }

    /** The samples (left) written since the last flush. */
    synchronized float[] written() {
        return java.util.Arrays.copyOf(left, count);
    }

    /** When sample {@code k} (since the last flush) was heard, in nanoTime; -1 if not yet known. */
    synchronized long heardAt(long k) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            long[] run = runs.get(i);
            if (run[1] <= k) {
                return run[0] + (k - run[1]) * 1_000_000_000L / RATE;
            }
        }
        return -1;
    }

    @Override
    public String silentBecause() {
        return null;
    }

    @Override
    public void close() {
        stop();
    }
}
