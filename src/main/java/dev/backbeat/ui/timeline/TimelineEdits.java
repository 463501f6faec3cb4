package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Sends the timeline's edits to the back end one after another, in the background, and applies
 * each new state to the project. One at a time, in order: two edits racing to the back end could
 * land in the other order and leave the timeline showing what the back end no longer holds.
 * A drag sends many moves of one title; only the latest waiting one is kept.
 */
final class TimelineEdits {
    private final ProjectModel project;
    private final TaskRunner runner;
    private final Consumer<String> onError;
    private final Deque<TimelineEdit> waiting = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    TimelineEdits(ProjectModel project, TaskRunner runner, Consumer<String> onError) {
        this.project = project;
        this.runner = runner;
        this.onError = onError;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    void send(TimelineEdit edit) {
        TimelineEdit last = waiting.peekLast();
        if (last != null && replaces(edit, last)) {
            waiting.pollLast();
        }
        waiting.addLast(edit);
        if (!busy.get()) {
            next();
        }
    }

    private static boolean replaces(TimelineEdit next, TimelineEdit last) {
        return next instanceof TimelineEdit.Title a && last instanceof TimelineEdit.Title b && a.index() == b.index()
                || next instanceof TimelineEdit.MusicVolume && last instanceof TimelineEdit.MusicVolume;
    }

    private void next() {
        TimelineEdit edit = waiting.pollFirst();
        if (edit == null) {
            busy.set(false);
            return;
        }
        busy.set(true);
        Backend backend = project.backend();
        runner.task("Editing the timeline", (progress, cancel) -> backend.edit(edit))
                .onSuccess(state -> {
                    // a state from a back end no longer in use belongs to no one
                    if (project.backend() == backend) {
                        project.apply(state);
                    }
                })
                .onError(e -> {
                    waiting.clear();
                    // the listener also puts back what the back end still holds
                    onError.accept(e instanceof BackendException be ? be.userMessage()
                            : Texts.get("timeline.editFailed", e.getMessage()));
                })
                .onFinally(this::next)
                .start();
    }
}
