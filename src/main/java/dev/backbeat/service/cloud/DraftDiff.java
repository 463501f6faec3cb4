package dev.backbeat.service.cloud;

import dev.backbeat.draft.Draft;
import dev.backbeat.draft.DraftCodec;
import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Says in a line what an edit did to the timeline, for the turns where the agent changes the
 * draft without a word: "Added a BGM track: Lo-fi 0-10 s at 35%". Tracks are compared by position.
 */
final class DraftDiff {
    private DraftDiff() {
    }

    /** The changes, one sentence each; empty when the drafts are the same. */
    static List<String> changes(Draft before, Draft after) {
        List<String> out = new ArrayList<>();
        int n = Math.max(before.tracks().size(), after.tracks().size());
        for (int i = 0; i < n; i++) {
            Track was = i < before.tracks().size() ? before.tracks().get(i) : null;
            Track now = i < after.tracks().size() ? after.tracks().get(i) : null;
            if (was == null) {
                out.add("Added " + article(now.type()) + " track" + contents(now));
            } else if (now == null) {
                out.add("Removed the " + noun(was.type()) + " track" + contents(was));
            } else if (!was.type().equals(now.type())) {
                out.add("Replaced the " + noun(was.type()) + " track with " + article(now.type()) + " track" + contents(now));
            } else if (!same(was, now)) {
                String nowText = segments(now);
                String wasText = segments(was);
                out.add(nowText.equals(wasText)
                        ? "Changed the settings of the " + noun(now.type()) + " track: " + nowText
                        : "Changed the " + noun(now.type()) + " track: " + nowText + " (was " + wasText + ")");
            }
        }
        if (out.isEmpty() && !DraftCodec.encode(before).equals(DraftCodec.encode(after))) {
            out.add("Changed the project settings");
        }
        return out;
    }

    /** All changes as one message, or null when nothing changed. */
    static String describe(Draft before, Draft after) {
        List<String> lines = changes(before, after);
        return lines.isEmpty() ? null : String.join(". ", lines) + ".";
    }

    private static boolean same(Track a, Track b) {
        return DraftCodec.encode(new Draft(List.of(a))).equals(DraftCodec.encode(new Draft(List.of(b))));
    }

    private static String contents(Track t) {
        return t.segments().isEmpty() ? " (empty)" : ": " + segments(t);
    }

    private static String segments(Track t) {
        if (t.segments().isEmpty()) {
            return "empty";
        }
        List<Track.PlacedSegment> placed = t.placed();
        return placed.stream().map(p -> segment(t.type(), p, placed.indexOf(p) + 1)).collect(Collectors.joining(", "));
    }

    private static String segment(TrackType type, Track.PlacedSegment p, int number) {
        Segment s = p.segment();
        String name = s.displayName(type, number);
        String text = name + " " + seconds(p.startMs()) + "-" + seconds(p.endMs()) + " s";
        if (s.volumePercent().isPresent()) {
            text += " at " + Math.round(s.volumePercent().getAsDouble()) + "%";
        }
        return text;
    }

    private static String noun(TrackType type) {
        return type.kind() == TrackType.Kind.OTHER ? "type " + type.code() : type.kind() == TrackType.Kind.VIDEO
                ? "video" : type.kind() == TrackType.Kind.TEXT ? "title" : "BGM";
    }

    private static String article(TrackType type) {
        return switch (type.kind()) {
            case VIDEO -> "a video";
            case AUDIO -> "a BGM";
            case TEXT -> "a title";
            case OTHER -> "a type " + type.code();
        };
    }

    private static String seconds(long ms) {
        if (ms % 1000 == 0) {
            return Long.toString(ms / 1000);
        }
        return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }
}
