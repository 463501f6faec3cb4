package dev.backbeat.draft;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The timeline both back ends share: tracks of video, music and titles, in the compact
 * {@code t/tt/sg/d/m} form of the NemoVideo draft. Fields we do not know are kept in {@code extra}.
 */
public record Draft(List<Track> tracks, JsonObject extra) {

    public Draft {
        tracks = List.copyOf(tracks);
        extra = extra == null ? new JsonObject() : extra.deepCopy();
    }

    public Draft(List<Track> tracks) {
        this(tracks, null);
    }

    public static Draft empty() {
        return new Draft(List.of());
    }

    @Override
    public JsonObject extra() {
        return extra.deepCopy();
    }

    /** A draft can be rendered once some track holds at least one segment. */
    public boolean isExportable() {
        return tracks.stream().anyMatch(t -> !t.segments().isEmpty());
    }

    /** The end of the latest segment on any track, in ms. */
    public long durationMs() {
        return tracks.stream().mapToLong(Track::endMs).max().orElse(0);
    }

    public Optional<Track> firstTrack(TrackType.Kind kind) {
        return tracks.stream().filter(t -> t.type().kind() == kind).findFirst();
    }

    /** A copy with one track replaced (by index) or appended (index == size). */
    public Draft withTrack(int index, Track track) {
        List<Track> copy = new ArrayList<>(tracks);
        if (index == copy.size()) {
            copy.add(track);
        } else {
            copy.set(index, track);
        }
        return new Draft(copy, extra);
    }

    /**
     * The one line the user reads, e.g.
     * {@code Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)}.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder("Timeline (")
                .append(tracks.size()).append(tracks.size() == 1 ? " track)" : " tracks)");
        if (tracks.isEmpty()) {
            return sb.append(": empty").toString();
        }
        sb.append(':');
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            sb.append(' ').append(i + 1).append(". ").append(track.type().label()).append(": ");
            if (track.segments().isEmpty()) {
                sb.append("empty");
                continue;
            }
            List<Track.PlacedSegment> placed = track.placed();
            sb.append(placed.stream()
                    .map(p -> describe(track.type(), p, placed.indexOf(p) + 1))
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String describe(TrackType type, Track.PlacedSegment p, int number) {
        Segment s = p.segment();
        String name = s.displayName(type, number);
        String range = seconds(p.startMs()) + "-" + seconds(p.endMs()) + "s";
        if (type.kind() == TrackType.Kind.AUDIO && s.volumePercent().isPresent()) {
            range += ", " + Math.round(s.volumePercent().getAsDouble()) + "%";
        }
        return name + " (" + range + ")";
    }

    /** Whole seconds without a decimal point, otherwise one decimal: 10000 → "10", 10500 → "10.5". */
    static String seconds(long ms) {
        if (ms % 1000 == 0) {
            return Long.toString(ms / 1000);
        }
        String tenths = String.format(Locale.ROOT, "%.1f", ms / 1000.0);
        return tenths.endsWith(".0") ? tenths.substring(0, tenths.length() - 2) : tenths;
    }
}
