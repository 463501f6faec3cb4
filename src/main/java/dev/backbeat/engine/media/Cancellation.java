package dev.backbeat.engine.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel switch for long engine work. The engine sits below the service layer, so it has its
 * own; the service adapts its token to this one.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    /** A switch nobody will ever flip. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel (at once if already cancelled). */
    public void onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }

    public void removeOnCancel(Runnable action) {
        onCancel.remove(action);
    }

    public void throwIfCancelled() throws MediaException {
        if (cancelled) {
            throw new MediaException(MediaException.Kind.CANCELLED, "Cancelled.");
        }
    }
}
