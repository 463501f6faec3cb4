package dev.backbeat.ui.timeline;

import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.ui.ProjectModel;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The timeline pane: the draft's tracks as rows of blocks placed in time. */
public final class TimelineViewModel {

    /** A block on a row: where it sits (ms) and what it says. */
    public record Block(long startMs, long endMs, String label) {
    }

    /** A row of the timeline: its kind, the name in the row header, its blocks, and marks (cuts) in ms. */
    public record Row(TrackType.Kind kind, String name, List<Block> blocks, List<Long> marksMs) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a fresh wrapper each call would be lost to GC. */
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyLongWrapper durationMs = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();

    public TimelineViewModel(ProjectModel project) {
        project.draftProperty().addListener((obs, old, now) -> show(now));
        show(project.draft());
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyLongProperty durationMsProperty() {
        return durationMs.getReadOnlyProperty();
    }

    /** The one-line summary, or a hint when the timeline is empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    private void show(Draft draft) {
        // the length first: the view redraws when the rows change and places blocks by it
        durationMs.set(draft.durationMs());
        rows.setAll(draft.tracks().stream().map(TimelineViewModel::row).toList());
        summary.set(draft.tracks().isEmpty()
                ? "The timeline fills in when you add a clip: video, music and title tracks appear here."
                : draft.summary());
    }

    private static Row row(Track track) {
        List<Block> blocks = track.placed().stream()
                .map(p -> new Block(p.startMs(), p.endMs(), label(track.type(), p.segment())))
                .toList();
        List<Long> marks = new java.util.ArrayList<>();
        for (Track.PlacedSegment p : track.placed()) {
            com.google.gson.JsonElement cuts = p.segment().meta().get("cuts");
            if (cuts != null && cuts.isJsonArray()) {
                for (com.google.gson.JsonElement c : cuts.getAsJsonArray()) {
                    if (c.isJsonPrimitive() && c.getAsJsonPrimitive().isNumber()) {
                        marks.add(p.startMs() + Math.round(c.getAsDouble() * 1000));
                    }
                }
            }
        }
        return new Row(track.type().kind(), track.type().label(), blocks, marks);
    }

    private static String label(TrackType type, dev.backbeat.draft.Segment s) {
        String name = s.label().orElse(switch (type.kind()) {
            case VIDEO -> "clip";
            case AUDIO -> "music";
            case TEXT -> "title";
            case OTHER -> "segment";
        });
        if (type.kind() == TrackType.Kind.TEXT) {
            name = "\"" + name + "\"";
        }
        if (type.kind() == TrackType.Kind.AUDIO && s.volumePercent().isPresent()) {
            name += " · " + Math.round(s.volumePercent().getAsDouble()) + "%";
        }
        return name;
    }
}
