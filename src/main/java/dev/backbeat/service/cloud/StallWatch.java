package dev.backbeat.service.cloud;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;

/**
 * Ends a read that has delivered nothing for too long. Closing the HTTP client's stream does not
 * always wake a blocked read, so the reading thread is interrupted too; {@link #close} clears
 * the interrupt again so it never leaks into the caller.
 */
final class StallWatch implements AutoCloseable {
    private final InputStream in;
    private final Thread reader = Thread.currentThread();
    private final Timer timer = new Timer("nemo-stall-watch", true);
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private boolean finished;
    private boolean interrupted;

    StallWatch(InputStream in, Duration limit) {
        this.in = in;
        long period = Math.max(10, Math.min(1000, limit.toMillis() / 4));
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                if (System.nanoTime() - lastProgress > limit.toNanos()) {
                    stalled = true;
                    abandon();
                }
            }
        }, period, period);
    }

    void touch() {
        lastProgress = System.nanoTime();
    }

    boolean stalled() {
        return stalled;
    }

    /** Stops the read now (a stall, or the user cancelled). */
    void abandon() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            interrupted = true;
            reader.interrupt();
        }
        timer.cancel();
        closeQuietly(in);
    }

    @Override
    public void close() {
        timer.cancel();
        synchronized (this) {
            finished = true;
            if (interrupted && Thread.currentThread() == reader) {
                Thread.interrupted();
            }
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the point is to stop the read; a failed close cannot be helped
        }
    }
}
