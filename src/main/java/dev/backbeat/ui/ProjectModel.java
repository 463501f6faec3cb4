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
    /** The back end's current scored result (null before one exists or where the back end has none). */
    private final ReadOnlyObjectWrapper<dev.backbeat.service.preview.ScoredPreview> preview = new ReadOnlyObjectWrapper<>();
    /** A variation being auditioned in place of the current result, or null. */
    private final ReadOnlyObjectWrapper<dev.backbeat.service.preview.ScoredPreview> audition = new ReadOnlyObjectWrapper<>();

    private WorkSession session = new WorkSession();

    public ProjectModel(Backend initial) {
        backend.set(initial);
    }

    /** The session now: work started in it is bound to it (see {@link SessionBoundRunner}). */
    public WorkSession session() {
        return session;
    }

    /** Playback position and control, shared by the preview and the timeline. */
    public Transport transport() {
        return transport;
    }

    /** The scored result the preview plays and the timeline draws; set after every change (UI thread). */
    public ReadOnlyObjectProperty<dev.backbeat.service.preview.ScoredPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public void setPreview(dev.backbeat.service.preview.ScoredPreview next) {
        preview.set(next);
    }

    /** What the player plays instead of the current result while a variation is auditioned; null otherwise. */
    public ReadOnlyObjectProperty<dev.backbeat.service.preview.ScoredPreview> auditionProperty() {
        return audition.getReadOnlyProperty();
    }

    public void setAudition(dev.backbeat.service.preview.ScoredPreview next) {
        audition.set(next);
    }

    public ReadOnlyObjectProperty<Backend> backendProperty() {
        return backend.getReadOnlyProperty();
    }

    public Backend backend() {
        return backend.get();
    }

    /** Switches back end; the timeline and clips of the old one no longer apply. */
    public void useBackend(Backend next) {
        WorkSession old = session;
        session = new WorkSession();
        old.end(); // cancels the old session's tasks; their results are dropped
        backend.set(next);
        audition.set(null);
        preview.set(null);
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
