package dev.backbeat.ui;

import dev.backbeat.draft.Draft;
import dev.backbeat.service.Backend;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.SessionState;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state the four panes share: the back end in use, the timeline draft and the clips. Changed
 * on the UI thread only.
 */
public final class ProjectModel {
    private final ReadOnlyObjectWrapper<Backend> backend = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>(Draft.empty());
    private final ObservableList<MediaInfo> media = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper each call would be lost to GC. */
    private final ObservableList<MediaInfo> mediaView = FXCollections.unmodifiableObservableList(media);
    private final Transport transport = new Transport();

    public ProjectModel(Backend initial) {
        backend.set(initial);
    }

    /** Playback position and control, shared by the preview and the timeline. */
    public Transport transport() {
        return transport;
    }

    public ReadOnlyObjectProperty<Backend> backendProperty() {
        return backend.getReadOnlyProperty();
    }

    public Backend backend() {
        return backend.get();
    }

    /** Switches back end; the timeline and clips of the old one no longer apply. */
    public void useBackend(Backend next) {
        backend.set(next);
        draft.set(Draft.empty());
        media.clear();
    }

    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    public Draft draft() {
        return draft.get();
    }

    public void setDraft(Draft next) {
        draft.set(next == null ? Draft.empty() : next);
    }

    public ObservableList<MediaInfo> media() {
        return mediaView;
    }

    public void apply(SessionState state) {
        setDraft(state.draft());
        media.setAll(state.media());
    }
}
