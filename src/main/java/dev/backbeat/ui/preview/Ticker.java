package dev.backbeat.ui.preview;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Calls the player's tick at a steady rate; tests tick by hand instead. */
@FunctionalInterface
public interface Ticker {

    /** Starts calling {@code tick} every {@code periodMillis}; closing the result stops it. */
    AutoCloseable every(long periodMillis, Runnable tick);

    /** A daemon thread of its own (the picture must not wait for the UI thread's other work to be timed). */
    static Ticker daemon() {
        return (period, tick) -> {
            ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "preview-ticker");
                t.setDaemon(true);
                return t;
            });
            s.scheduleAtFixedRate(() -> {
                try {
                    tick.run();
                } catch (RuntimeException e) {
                    System.getLogger("dev.backbeat.preview").log(System.Logger.Level.WARNING, "preview tick failed", e);
                }
            }, 0, period, TimeUnit.MILLISECONDS);
            return s::shutdownNow;
        };
    }
}
