package dev.backbeat.service.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo as whole snapshots of the session: each change keeps the state before it, so undo
 * is putting that state back (nothing is replayed, nothing can drift). Bounded, oldest first out.
 * Its own lock: the menu asks what undo would do without waiting for a running job.
 */
final class SessionHistory<S> {

    /** A state and the change that left it ("Chat: calmer", "Remove beach.mp4"). */
    record Step<S>(String label, S state) {
    }

    private final int limit;
    private final Deque<Step<S>> undo = new ArrayDeque<>();
    private final Deque<Step<S>> redo = new ArrayDeque<>();

    SessionHistory(int limit) {
        this.limit = limit;
    }

    /** A change was made: {@code before} is what undo returns to; a new change ends the redo line. */
    synchronized void changed(String label, S before) {
        undo.push(new Step<>(label, before));
        while (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The state to go back to, given the state now (kept for redo); empty when there is nothing to undo. */
    synchronized Optional<Step<S>> undo(S now) {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Step<S> back = undo.pop();
        redo.push(new Step<>(back.label(), now));
        return Optional.of(back);
    }

    synchronized Optional<Step<S>> redo(S now) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Step<S> forward = redo.pop();
        undo.push(new Step<>(forward.label(), now));
        return Optional.of(forward);
    }

    synchronized Optional<String> nextUndo() {
        return Optional.ofNullable(undo.peek()).map(Step::label);
    }

    synchronized Optional<String> nextRedo() {
        return Optional.ofNullable(redo.peek()).map(Step::label);
    }

    synchronized void clear() {
        undo.clear();
        redo.clear();
    }
}
