package dev.backbeat.draft;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** A track of the timeline: its type {@code tt}, its segments {@code sg}, and any other field kept as is. */
public record Track(TrackType type, List<Segment> segments, JsonObject extra) {

    public Track {
        segments = List.copyOf(segments);
        extra = extra == null ? new JsonObject() : extra.deepCopy();
    }

    public Track(TrackType type, List<Segment> segments) {
        this(type, segments, null);
    }

    @Override
    public JsonObject extra() {
        return extra.deepCopy();
    }

    /**
     * The segments with their place on the timeline. A segment's start is its explicit start
     * where it has one, else the end of the segment before it (the sum of earlier durations).
     */
    public List<PlacedSegment> placed() {
        List<PlacedSegment> out = new ArrayList<>(segments.size());
        long cursor = 0;
        for (Segment s : segments) {
            long start = s.explicitStartMs().orElse(cursor);
            out.add(new PlacedSegment(start, start + s.durationMs(), s));
            cursor = start + s.durationMs();
        }
        return out;
    }

    /** Where the track's last segment ends, in ms (0 for an empty track). */
    public long endMs() {
        return placed().stream().mapToLong(PlacedSegment::endMs).max().orElse(0);
    }

    public record PlacedSegment(long startMs, long endMs, Segment segment) {
    }
}
