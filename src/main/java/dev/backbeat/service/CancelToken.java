package dev.backbeat.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets the user stop long work. Blocking code checks it or registers a hook (to kill a process, close a stream). */
public final class CancelToken {
    private volatile boolean cancelled;
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public static CancelToken none() {
        return new CancelToken();
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        for (Runnable hook : hooks) {
            try {
                hook.run();
            } catch (RuntimeException ignored) {
                // a failing hook must not stop the others from running
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs the hook on cancel, or at once when already cancelled. */
    public void onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            hook.run();
        }
    }

    public void throwIfCancelled() throws BackendException {
        if (cancelled) {
            throw BackendException.cancelled();
        }
    }
}
