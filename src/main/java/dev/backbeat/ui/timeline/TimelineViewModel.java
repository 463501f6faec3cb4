package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import dev.backbeat.draft.Draft;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.ui.ProjectModel;
import dev.backbeat.ui.TaskRunner;
import dev.backbeat.ui.Transport;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The timeline pane: what is drawn (the draft, with the music's structure from the scored
 * result), which part is in view, the playhead, what is selected, and the title drags. Edits go
 * to the back end through {@link TimelineEdits}; the inspector and the variation cards hang off it.
 */
public final class TimelineViewModel {

    /** What is selected: nothing, a title (by its index on the title track) or the music. */
    public sealed interface Selection {
        record None() implements Selection {
        }

        record Title(int index) implements Selection {
        }

        record Music() implements Selection {
        }
    }

    /** The two sound outlines of one scored result. */
    public record Waveforms(ScoredPreview of, WaveformPeaks music, WaveformPeaks clip) {
    }

    private final ProjectModel project;
    private final TaskRunner runner;
    private final TimeScale scale = new TimeScale();
    private final ObservableList<TrackRows.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<TrackRows.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<TimelineContent> content = new ReadOnlyObjectWrapper<>(TimelineContent.empty());
    private final ReadOnlyObjectWrapper<Waveforms> waveforms = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(new Selection.None());
    /** Bumped whenever the view (zoom, scroll, width) moves, so the canvas knows to repaint. */
    private final ReadOnlyLongWrapper viewChanges = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TimelineEdits edits;
    private final InspectorViewModel inspector;
    private final VariationsViewModel variations;
    private CancelToken reading;
    private TitleDrag drag;

    public TimelineViewModel(ProjectModel project, TaskRunner runner) {
        this.project = project;
        this.runner = runner;
        this.edits = new TimelineEdits(project, runner, error -> {
            message.set(error);
            refresh();
        });
        this.inspector = new InspectorViewModel(this);
        this.variations = new VariationsViewModel(project, runner);
        project.draftProperty().addListener((obs, old, now) -> {
            message.set("");
            refresh();
        });
        project.previewProperty().addListener((obs, old, now) -> {
            refresh();
            readWaveforms(now);
        });
        project.media().addListener((ListChangeListener<MediaInfo>) c -> refresh());
        Transport t = project.transport();
        t.positionSecProperty().addListener((obs, old, now) -> {
            if (t.playingProperty().get() && scale.follow(now.doubleValue())) {
                viewMoved();
            }
        });
        refresh();
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public VariationsViewModel variations() {
        return variations;
    }

    public ObservableList<TrackRows.Row> rows() {
        return rowsView;
    }

    /** The one-line summary, or a hint when the timeline is empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimelineContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    public TimelineContent content() {
        return content.get();
    }

    /** The music's and the clip's sound outlines for the current result, once read (null before). */
    public ReadOnlyObjectProperty<Waveforms> waveformsProperty() {
        return waveforms.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty viewChangesProperty() {
        return viewChanges.getReadOnlyProperty();
    }

    /** A problem with the last edit, in the user's words, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The view in time; read it, change it through the methods below. */
    public TimeScale scale() {
        return scale;
    }

    public Transport transport() {
        return project.transport();
    }

    // --- the view in time -------------------------------------------------------------------

    public void setWidth(double px) {
        scale.setWidth(px);
        viewMoved();
    }

    public void fit() {
        scale.fit();
        viewMoved();
    }

    public void zoomIn() {
        zoomAt(1.5, playheadX());
    }

    public void zoomOut() {
        zoomAt(1 / 1.5, playheadX());
    }

    /** Zooms about a point of the view, e.g. the mouse (Ctrl+wheel). */
    public void zoomAt(double factor, double x) {
        scale.zoom(factor, x);
        viewMoved();
    }

    public void scrollTo(double sec) {
        scale.scrollTo(sec);
        viewMoved();
    }

    public void scrollByPx(double px) {
        scale.scrollByPx(px);
        viewMoved();
    }

    /** The playhead's x when it is in view, else the middle (+/- zoom about it). */
    private double playheadX() {
        double x = scale.x(project.transport().positionSecProperty().get());
        return x >= 0 && x <= scale.widthPx() ? x : scale.widthPx() / 2;
    }

    private void viewMoved() {
        viewChanges.set(viewChanges.get() + 1);
    }

    /** A click or drag on the ruler: the playhead goes there. */
    public void seekToX(double x) {
        double end = Math.max(0, content.get().durationSec());
        project.transport().seek(Math.max(0, Math.min(end, scale.sec(x))));
    }

    // --- selection and title drags ----------------------------------------------------------

    public void select(Selection s) {
        selection.set(s);
    }

    /** A press on the canvas: selects what is under it and, on a title, starts moving or resizing it. */
    public void press(double x, double y) {
        TimelineContent c = content.get();
        var title = TimelineLayout.titleAt(c, scale, x, y);
        if (title.isPresent()) {
            select(new Selection.Title(title.get().index()));
            c.titles().stream().filter(t -> t.index() == title.get().index()).findFirst()
                    .ifPresent(t -> drag = new TitleDrag(t, title.get().grip(), scale.sec(x)));
        } else if (TimelineLayout.onMusic(c, scale, x, y)) {
            select(new Selection.Music());
        } else if (TimelineLayout.laneAt(y).map(l -> l != TimelineLayout.Lane.RULER).orElse(true)) {
            select(new Selection.None());
        }
    }

    /** The mouse moved with the button down: a grabbed title follows (shown at once, sent on release). */
    public void dragTo(double x) {
        if (drag == null) {
            return;
        }
        TimelineContent.TitleBlock moved = drag.to(scale.sec(x), content.get().durationSec(), 0.25);
        showTitle(moved);
    }

    public void release(double x) {
        if (drag == null) {
            return;
        }
        TitleDrag d = drag;
        drag = null;
        TimelineContent.TitleBlock moved = d.to(scale.sec(x), content.get().durationSec(), 0.25);
        if (moved.startSec() != d.grabbed().startSec() || moved.endSec() != d.grabbed().endSec()) {
            sendTitle(moved);
        } else {
            // what changed meanwhile was held back during the drag
            refresh();
        }
    }

    public boolean dragging() {
        return drag != null;
    }

    // --- edits (the inspector calls these too) ------------------------------------------------

    void sendTitle(TimelineContent.TitleBlock t) {
        showTitle(t);
        edits.send(new TimelineEdit.Title(t.index(), t.text(), t.startSec(), t.endSec()));
    }

    void removeTitle(int index) {
        List<TimelineContent.TitleBlock> kept = new ArrayList<>(content.get().titles());
        kept.removeIf(t -> t.index() == index);
        TimelineContent c = content.get();
        content.set(new TimelineContent(c.durationSec(), c.clips(), c.cuts(), c.music(), c.speech(), kept));
        select(new Selection.None());
        edits.send(new TimelineEdit.RemoveTitle(index));
    }

    void sendVolume(double percent) {
        edits.send(new TimelineEdit.MusicVolume(percent));
    }

    /** Delete on the canvas: removes the selected title. */
    public void deleteSelected() {
        if (selection.get() instanceof Selection.Title t) {
            removeTitle(t.index());
        }
    }

    /** Adds a title of 3 s at the playhead and selects it for the inspector. */
    public void addTitle() {
        TimelineContent c = content.get();
        if (c.durationSec() <= 0) {
            message.set(Texts.get("timeline.titleNeedsClip"));
            return;
        }
        // on a tenth of a second: the inspector then shows a time a person would type
        double start = Math.round(Math.min(project.transport().positionSecProperty().get(),
                Math.max(0, c.durationSec() - 0.5)) * 10) / 10.0;
        int index = c.titles().size();
        sendTitle(new TimelineContent.TitleBlock(index, Texts.get("timeline.newTitle"), start, Math.min(c.durationSec(), start + 3)));
        select(new Selection.Title(index));
    }

    void say(String text) {
        message.set(text);
    }

    /** Shows a title where the user put it before the back end answers. */
    private void showTitle(TimelineContent.TitleBlock moved) {
        TimelineContent c = content.get();
        List<TimelineContent.TitleBlock> titles = new ArrayList<>(c.titles());
        int at = -1;
        for (int i = 0; i < titles.size(); i++) {
            if (titles.get(i).index() == moved.index()) at = i;
        }
        if (at >= 0) titles.set(at, moved);
        else titles.add(moved);
        content.set(new TimelineContent(c.durationSec(), c.clips(), c.cuts(), c.music(), c.speech(), titles));
    }

    // --- what is drawn ------------------------------------------------------------------------

    private void refresh() {
        if (drag != null) {
            return;
        }
        Draft draft = project.draft();
        TimelineContent next = TimelineContent.of(draft, project.previewProperty().get(), project.media());
        content.set(next);
        scale.setDuration(next.durationSec());
        rows.setAll(TrackRows.of(draft));
        summary.set(draft.tracks().isEmpty()
                ? Texts.get("timeline.empty")
                : draft.summary());
        if (selection.get() instanceof Selection.Title t && next.titles().stream().noneMatch(b -> b.index() == t.index())
                || selection.get() instanceof Selection.Music && next.music() == null) {
            select(new Selection.None());
        }
        viewMoved();
    }

    /** Reads the outlines of a new result in the background, once; a newer result cancels the older read. */
    private void readWaveforms(ScoredPreview preview) {
        if (reading != null) {
            reading.cancel();
        }
        if (preview == null) {
            waveforms.set(null);
            return;
        }
        reading = runner.task("Drawing the sound", (progress, cancel) -> {
                    WaveformPeaks music = WaveformPeaks.read(preview.sound(), PreviewSound.Layer.MUSIC, cancel::isCancelled);
                    WaveformPeaks clip = WaveformPeaks.read(preview.sound(), PreviewSound.Layer.CLIP, cancel::isCancelled);
                    return music == null || clip == null ? null : new Waveforms(preview, music, clip);
                })
                .onSuccess(w -> {
                    if (w != null && project.previewProperty().get() == preview) {
                        waveforms.set(w);
                    }
                })
                // the lanes still show everything but the outlines; why is for the log
                .onError(e -> System.getLogger("dev.backbeat.timeline").log(System.Logger.Level.WARNING,
                        "The sound's outline could not be read", e))
                .start();
    }
}
