package dev.backbeat.ui.upload;

import dev.backbeat.ui.Texts;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;

/** One clip card in the upload pane: its name, what is happening to it, and how far along. */
public final class ClipItem {
    private Path file;
    /** The link the clip comes from, or null for a file the user gave. */
    private java.net.URI link;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    /** The back end found the file damaged and waits for the user: score what is there, or stop. */
    private final ReadOnlyBooleanWrapper damaged = new ReadOnlyBooleanWrapper();
    private Runnable canceller = () -> { };
    /** What the back end made of the clip once it is on the timeline (thumbnail, duration); null before. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<dev.backbeat.service.MediaInfo> media =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    ClipItem(Path file, String status) {
        this.file = file;
        this.status.set(status);
    }

    public Path file() {
        return file;
    }

    /** A card for a link: named after it until the download gives the file. */
    static ClipItem forLink(java.net.URI link, String status) {
        String path = link.getPath() == null ? "" : link.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        ClipItem item = new ClipItem(Path.of(name.isBlank() ? link.getHost() : name), status);
        item.link = link;
        return item;
    }

    /** The link this card downloads, or null. */
    public java.net.URI link() {
        return link;
    }

    /** The link was downloaded: the card now stands for that file. */
    void downloadedTo(String source) {
        if (link != null && source != null && !source.isBlank()) {
            file = Path.of(source);
        }
    }

    public String name() {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<dev.backbeat.service.MediaInfo> mediaProperty() {
        return media.getReadOnlyProperty();
    }

    /** The clip's thumbnail file, or empty while there is none. */
    public String thumbnail() {
        return media.get() == null ? "" : media.get().thumbnail();
    }

    /** A card for a clip already on the timeline (a project opened, a removal undone). */
    static ClipItem onTimeline(dev.backbeat.service.MediaInfo m) {
        ClipItem item = new ClipItem(Path.of(m.source()), "");
        item.done(UploadViewModel.describe(m));
        item.media.set(m);
        return item;
    }

    void attach(dev.backbeat.service.MediaInfo m) {
        media.set(m);
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

    /** True while the back end is reading the clip: the card offers Cancel. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** True while the card asks whether a damaged file should be scored as far as it goes. */
    public ReadOnlyBooleanProperty damagedProperty() {
        return damaged.getReadOnlyProperty();
    }

    /** The file is damaged: the card says how and offers "Score what is there" and "Stop". */
    void damaged(String message) {
        working.set(false);
        status.set(message);
        progress.set(0);
        damaged.set(true);
    }

    /** Waiting its turn to be read: it can be withdrawn (Cancel shows). */
    void waiting(String note) {
        damaged.set(false);
        working.set(true);
        status.set(note);
        progress.set(-1);
    }

    /** Stops reading this clip; it is not added. */
    public void cancel() {
        if (working.get()) {
            status.set(Texts.get("common.cancelling"));
            canceller.run();
        }
    }

    void onCancel(Runnable action) {
        canceller = action;
    }

    void working(String note, double fraction) {
        working.set(true);
        status.set(note);
        progress.set(fraction);
    }

    void fail(String message) {
        damaged.set(false);
        working.set(false);
        status.set(message);
        progress.set(0);
        failed.set(true);
    }

    void done(String summary) {
        working.set(false);
        status.set(summary);
        progress.set(1);
        ready.set(true);
    }
}
