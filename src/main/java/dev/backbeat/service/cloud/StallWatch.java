package dev.backbeat.service.cloud;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;

/** Closes a stream that has delivered nothing for too long, so a blocked read ends with an error instead of hanging. */
final class StallWatch implements AutoCloseable {
    private final InputStream in;
    private final Timer timer = new Timer("nemo-stall-watch", true);
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

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

    void abandon() {
        timer.cancel();
        closeQuietly(in);
    }

    @Override
    public void close() {
        timer.cancel();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the point is to stop the read; a failed close cannot be helped
        }
    }
}
