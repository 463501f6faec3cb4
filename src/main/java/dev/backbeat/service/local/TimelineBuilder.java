package dev.backbeat.service.local;

import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.engine.compose.MusicPlan;
import dev.backbeat.engine.mix.TitleCard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the local session's draft in the same compact form the cloud uses: video, BGM and title tracks. */
final class TimelineBuilder {
    private TimelineBuilder() {
    }

    /** A clip on the video track, with its hard cuts (seconds from the clip's start) for the timeline's markers. */
    record ClipEntry(String name, long durationMs, int width, int height, List<Double> cuts) {
    }

    static Draft build(List<ClipEntry> clips, MusicPlan music, double musicPercent, List<TitleCard.Title> titles) {
        return build(clips, music, musicPercent, titles, null);
    }

    /** As above; {@code songName} (not null) when the music is the user's song: the block is named after it, and has no key. */
    static Draft build(List<ClipEntry> clips, MusicPlan music, double musicPercent, List<TitleCard.Title> titles,
                       String songName) {
        List<Track> tracks = new ArrayList<>();
        List<Segment> video = new ArrayList<>();
        long total = 0;
        for (ClipEntry c : clips) {
            JsonObject m = new JsonObject();
            m.addProperty("title", c.name());
            m.addProperty("width", c.width());
            m.addProperty("height", c.height());
            if (!c.cuts().isEmpty()) {
                com.google.gson.JsonArray cuts = new com.google.gson.JsonArray();
                c.cuts().forEach(t -> cuts.add(Math.round(t * 1000) / 1000.0));
                m.add("cuts", cuts);
            }
            video.add(Segment.of(c.durationMs(), m));
            total += c.durationMs();
        }
        tracks.add(new Track(TrackType.VIDEO, video));
        if (music != null) {
            JsonObject m = new JsonObject();
            m.addProperty("title", songName != null ? songName : styleName(music));
            m.addProperty("volume", Math.round(musicPercent) / 100.0);
            m.addProperty("bpm", Math.round(music.bpm()));
            if (songName == null) {
                m.addProperty("key", music.key());
            }
            tracks.add(new Track(TrackType.AUDIO, List.of(Segment.of(Math.round(music.durationSec() * 1000), m))));
        }
        if (!titles.isEmpty()) {
            List<Segment> text = new ArrayList<>();
            for (TitleCard.Title t : titles) {
                JsonObject m = new JsonObject();
                m.addProperty("text", t.text());
                long start = Math.round(t.startSec() * 1000);
                long end = Math.min(total, Math.round((t.startSec() + t.durationSec()) * 1000));
                text.add(Segment.at(start, Math.max(0, end - start), m));
            }
            tracks.add(new Track(TrackType.TEXT, text));
        }
        return new Draft(tracks);
    }

    /** "Lo-fi" for "lo-fi hip-hop", "Cinematic" for "cinematic/ambient": short names for the BGM block. */
    static String styleName(MusicPlan music) {
        String label = music.style().label();
        String first = label.split("[ /]")[0];
        return first.substring(0, 1).toUpperCase(Locale.ROOT) + first.substring(1);
    }
}
