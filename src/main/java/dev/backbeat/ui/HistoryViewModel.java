package dev.backbeat.ui;

import dev.backbeat.service.Backend;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.UndoState;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * Edit ▸ Undo and Redo: names what each would take back or make again, and does it through the
 * back end (which puts the whole session back, its music included).
 */
public final class HistoryViewModel {
    private final ProjectModel project;
    private final TaskRunner runner;
    private final Consumer<String> say;
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(Texts.get("history.undo"));
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(Texts.get("history.redo"));
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public HistoryViewModel(ProjectModel project, TaskRunner runner, Consumer<String> say) {
        this.project = project;
        this.runner = runner;
        this.say = say;
        // change listeners, not invalidation ones: an invalidation listener fires once until someone
        // reads the value again, which left the menu naming the change before last
        project.draftProperty().addListener((o, was, now) -> refresh());
        project.backendProperty().addListener((o, was, now) -> refresh());
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Asks the back end what undo and redo would do now (quick: it does not wait for running work). */
    public void refresh() {
        UndoState s = project.backend().undoState();
        canUndo.set(s.undo().isPresent() && !busy.get());
        canRedo.set(s.redo().isPresent() && !busy.get());
        undoText.set(s.undo().map(l -> Texts.get("history.undoWhat", l)).orElse(Texts.get("history.undo")));
        redoText.set(s.redo().map(l -> Texts.get("history.redoWhat", l)).orElse(Texts.get("history.redo")));
    }

    public void undo() {
        run(true);
    }

    public void redo() {
        run(false);
    }

    private void run(boolean back) {
        Backend backend = project.backend();
        UndoState s = backend.undoState();
        if ((back ? s.undo() : s.redo()).isEmpty() || busy.get()) {
            return;
        }
        String what = (back ? s.undo() : s.redo()).get();
        busy.set(true);
        refresh();
        runner.task(Texts.get(back ? "history.task.undoing" : "history.task.redoing"), (progress, cancel) -> back ? backend.undo(cancel) : backend.redo(cancel))
                .onSuccess((SessionState state) -> {
                    project.apply(state);
                    say.accept(Texts.get(back ? "history.undone" : "history.redone", what));
                })
                .onError(e -> say.accept((back ? "Could not undo: " : "Could not redo: ")
                        + (e instanceof BackendException be ? be.userMessage() : e.getMessage())))
                .onFinally(() -> {
                    busy.set(false);
                    refresh();
                })
                .start();
    }
}
