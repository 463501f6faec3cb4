package dev.backbeat.ui.timeline;

import dev.backbeat.ui.Texts;

import com.google.gson.JsonElement;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.service.MediaInfo;
import dev.backbeat.service.preview.MusicMap;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.ScoredPreview;

import java.util.ArrayList;
import java.util.List;

/**
 * What the timeline draws, in timeline seconds: the clips, the cuts and whether the music catches
 * each, the music's bars, beats, sections and energy, speech, and the titles. The draft is the
 * truth for what the user edits (titles, volume); the scored result adds what only the music
 * knows. Without one (the cloud, or before the first score) it is drawn from the draft alone.
 */
public record TimelineContent(double durationSec, List<ClipBlock> clips, List<Cut> cuts, Music music,
                              List<MusicMap.Span> speech, List<TitleBlock> titles) {

    public TimelineContent {
        clips = List.copyOf(clips);
        cuts = List.copyOf(cuts);
        speech = List.copyOf(speech);
        titles = List.copyOf(titles);
    }

    public record ClipBlock(double startSec, double endSec, String name, String thumbnail) {
    }

    /** A hard cut; {@code judged} is false when only the draft is known (no word on how the music meets it). */
    public record Cut(double sec, boolean judged, boolean caught, String how) {
        /** The tooltip: what the user wants to know about this cut. */
        public String describe() {
            String at = RulerTicks.label(sec, 0.1);
            if (!judged) {
                return Texts.get("timeline.cut", at);
            }
            return caught ? Texts.get("timeline.cutCaught", at, how) : Texts.get("timeline.cutMissed", at);
        }
    }

    /** The BGM: its name and settings (from the draft), and its structure (from the scored result, else empty). */
    public record Music(String label, double startSec, double endSec, double bpm, String key, double volumePercent,
                        double[] bars, double[] beats, List<MusicMap.SectionMark> sections,
                        List<MusicMap.EnergyPoint> energy) {
        public Music {
            sections = List.copyOf(sections);
            energy = List.copyOf(energy);
        }

        /** "Lo-fi · 92 BPM · A minor · 35%" */
        public String describe() {
            StringBuilder sb = new StringBuilder(label);
            if (bpm > 0) sb.append(" · ").append(Math.round(bpm)).append(" BPM");
            if (!key.isBlank()) sb.append(" · ").append(key);
            if (volumePercent >= 0) sb.append(" · ").append(Math.round(volumePercent)).append('%');
            return sb.toString();
        }
    }

    /** A title; {@code index} is its place on the title track, as the back end's edits name it. */
    public record TitleBlock(int index, String text, double startSec, double endSec) {
    }

    public static TimelineContent empty() {
        return new TimelineContent(0, List.of(), List.of(), null, List.of(), List.of());
    }

    public static TimelineContent of(Draft draft, ScoredPreview preview, List<MediaInfo> media) {
        double duration = Math.max(draft.durationMs() / 1000.0, preview == null ? 0 : preview.durationSec());
        List<ClipBlock> clips = new ArrayList<>();
        List<Cut> cuts = new ArrayList<>();
        draft.firstTrack(TrackType.Kind.VIDEO).ifPresent(t -> {
            List<Track.PlacedSegment> placed = t.placed();
            for (int i = 0; i < placed.size(); i++) {
                Track.PlacedSegment p = placed.get(i);
                clips.add(new ClipBlock(p.startMs() / 1000.0, p.endMs() / 1000.0,
                        p.segment().displayName(TrackType.VIDEO, i + 1), thumbnail(i, preview, media)));
                if (preview == null) {
                    draftCuts(p, cuts);
                }
            }
        });
        if (preview != null) {
            preview.music().cuts().forEach(c -> cuts.add(new Cut(c.timeSec(), true, c.caught(), c.how())));
        }
        List<TitleBlock> titles = new ArrayList<>();
        draft.firstTrack(TrackType.Kind.TEXT).ifPresent(t -> {
            List<Track.PlacedSegment> placed = t.placed();
            for (int i = 0; i < placed.size(); i++) {
                Track.PlacedSegment p = placed.get(i);
                titles.add(new TitleBlock(i, p.segment().label().orElse(""), p.startMs() / 1000.0, p.endMs() / 1000.0));
            }
        });
        return new TimelineContent(duration, clips, cuts, music(draft, preview),
                preview == null ? List.of() : preview.music().speech(), titles);
    }

    private static String thumbnail(int i, ScoredPreview preview, List<MediaInfo> media) {
        if (preview != null && i < preview.clips().size()) {
            PreviewClip c = preview.clips().get(i);
            if (c.thumbnail() != null && !c.thumbnail().isBlank()) {
                return c.thumbnail();
            }
        }
        return i < media.size() ? media.get(i).thumbnail() : "";
    }

    private static void draftCuts(Track.PlacedSegment p, List<Cut> cuts) {
        JsonElement list = p.segment().meta().get("cuts");
        if (list != null && list.isJsonArray()) {
            for (JsonElement c : list.getAsJsonArray()) {
                if (c.isJsonPrimitive() && c.getAsJsonPrimitive().isNumber()) {
                    cuts.add(new Cut(p.startMs() / 1000.0 + c.getAsDouble(), false, false, ""));
                }
            }
        }
    }

    private static Music music(Draft draft, ScoredPreview preview) {
        MusicMap map = preview == null ? null : preview.music();
        Track.PlacedSegment bgm = draft.firstTrack(TrackType.Kind.AUDIO)
                .filter(t -> !t.segments().isEmpty()).map(t -> t.placed().get(0)).orElse(null);
        if (bgm == null && map == null) {
            return null;
        }
        double[] none = new double[0];
        if (bgm == null) {
            return new Music(map.style(), 0, preview.durationSec(), map.bpm(), map.key(), map.volumePercent(),
                    map.barTimes(), map.beats(), map.sections(), map.energy());
        }
        Segment s = bgm.segment();
        return new Music(s.displayName(TrackType.AUDIO, 1), bgm.startMs() / 1000.0, bgm.endMs() / 1000.0,
                s.metaNumber("bpm").orElse(map == null ? 0 : map.bpm()),
                s.metaString("key").orElse(map == null ? "" : map.key()),
                s.volumePercent().orElse(map == null ? -1 : map.volumePercent()),
                map == null ? none : map.barTimes(), map == null ? none : map.beats(),
                map == null ? List.of() : map.sections(), map == null ? List.of() : map.energy());
    }
}
