package dev.backbeat.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The span during which one back end (one project) is in use. Work started in it is cancelled
 * when it ends, and what that work brings back afterwards is dropped, so an old session's result
 * never lands in the new one. UI thread only.
 */
public final class WorkSession {
    private boolean ended;
    private final List<Runnable> onEnd = new ArrayList<>();

    public boolean isCurrent() {
        return !ended;
    }

    /** Runs {@code action} when the session ends (at once when it has ended already). */
    public void onEnd(Runnable action) {
        if (ended) {
            action.run();
        } else {
            onEnd.add(action);
        }
    }

    void end() {
        if (ended) {
            return;
        }
        ended = true;
        List<Runnable> actions = List.copyOf(onEnd);
        onEnd.clear();
        actions.forEach(Runnable::run);
    }
}
