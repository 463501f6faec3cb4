package dev.backbeat.ui.upload;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;

/** One clip card in the upload pane: its name, what is happening to it, and how far along. */
public final class ClipItem {
    private final Path file;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();

    ClipItem(Path file, String status) {
        this.file = file;
        this.status.set(status);
    }

    public Path file() {
        return file;
    }

    public String name() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    void working(String note, double fraction) {
        status.set(note);
        progress.set(fraction);
    }

    void fail(String message) {
        status.set(message);
        progress.set(0);
        failed.set(true);
    }

    void done(String summary) {
        status.set(summary);
        progress.set(1);
        ready.set(true);
    }
}
