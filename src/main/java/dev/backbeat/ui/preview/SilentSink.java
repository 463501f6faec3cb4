package dev.backbeat.ui.preview;

import dev.backbeat.ui.Texts;

import java.util.function.LongSupplier;

/**
 * A sink that plays nothing but keeps time as a sound device would, from a clock: used where no
 * sound device opens, so the picture still plays (on the system clock), and by tests (a fake clock).
 */
public class SilentSink implements AudioSink {
    /** About as much as a sound device holds: a fifth of a second (a loaded machine must not run it dry). */
    static final int BUFFER_FRAMES = RATE / 5;

    private final LongSupplier nanoClock;
    private final String reason;
    private long written;
    private long playedBase;
    private long startedAt = -1;
    private int underruns;
    /** Runs of steady playing since the last flush: from clock time [0] on, sample [1] onward is heard at RATE. */
    private final java.util.List<long[]> runs = new java.util.ArrayList<>();

    /** @param reason the sentence the pane shows, or null when this sink stands for a working one (tests) */
    public SilentSink(LongSupplier nanoClock, String reason) {
        this.nanoClock = nanoClock;
        this.reason = reason;
    }

    /** Where no sound device could be opened. */
    public static SilentSink noDevice() {
        return new SilentSink(System::nanoTime,
                Texts.get("preview.noDevice"));
    }

    @Override
    public synchronized int available() {
        return (int) Math.max(0, BUFFER_FRAMES - (written - played()));
    }

    @Override
    public synchronized void write(float[] left, float[] right, int n) {
        written += n;
    }

    @Override
    public synchronized long played() {
        if (startedAt < 0) {
            return playedBase;
        }
        long now = nanoClock.getAsLong();
        long p = playedBase + (now - startedAt) * RATE / 1_000_000_000L;
        if (p > written) {
            // ran dry: time without sound is not played sound
            playedBase = written;
            startedAt = now;
            underruns++;
            runs.add(new long[] {now, written});
            return written;
        }
        return p;
    }

    @Override
    public synchronized void start() {
        if (startedAt < 0) {
            startedAt = nanoClock.getAsLong();
            runs.add(new long[] {startedAt, playedBase});
        }
    }

    @Override
    public synchronized void stop() {
        playedBase = played();
        startedAt = -1;
    }

    @Override
    public synchronized void flush() {
        boolean running = startedAt >= 0;
        written = 0;
        playedBase = 0;
        runs.clear();
        startedAt = running ? nanoClock.getAsLong() : -1;
        if (running) {
            runs.add(new long[] {startedAt, 0});
        }
    }

    /** When frame {@code k} (counted since the last flush) was or will be heard, on this sink's clock; -1 before it started. */
    public synchronized long heardAt(long k) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            long[] run = runs.get(i);
            if (run[1] <= k) {
                return run[0] + (k - run[1]) * 1_000_000_000L / RATE;
            }
        }
        return -1;
    }

    /** How often the sound ran dry while playing (the writer fell behind). */
    public synchronized int underruns() {
        return underruns;
    }

    @Override
    public String silentBecause() {
        return reason;
    }

    @Override
    public void close() {
        stop();
    }
}
