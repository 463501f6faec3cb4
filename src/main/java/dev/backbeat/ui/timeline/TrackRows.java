package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;

import java.util.List;

/** The draft's tracks as rows of labelled blocks: what the timeline holds, in words (the summary's and tests' view). */
public final class TrackRows {

    /** A block on a row: where it sits (ms) and what it says. */
    public record Block(long startMs, long endMs, String label) {
    }

    /** A row of the timeline: its kind, the name in the row header, its blocks. */
    public record Row(TrackType.Kind kind, String name, List<Block> blocks) {
    }

    private TrackRows() {
    }

    static List<Row> of(Draft draft) {
        return draft.tracks().stream().map(TrackRows::row).toList();
    }

    private static Row row(Track track) {
        List<Block> blocks = track.placed().stream()
                .map(p -> new Block(p.startMs(), p.endMs(), label(track.type(), p.segment())))
                .toList();
        return new Row(track.type().kind(), track.type().label(), blocks);
    }

    private static String label(TrackType type, dev.backbeat.draft.Segment s) {
        String name = s.label().orElse(switch (type.kind()) {
            case VIDEO -> Texts.get("track.clip");
            case AUDIO -> Texts.get("track.music");
            case TEXT -> Texts.get("track.title");
            case OTHER -> Texts.get("track.segment");
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
