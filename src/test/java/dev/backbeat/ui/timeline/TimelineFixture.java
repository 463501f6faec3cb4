package dev.backbeat.ui.timeline;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.backbeat.draft.Draft;
import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ProgressListener;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.preview.MusicMap;
import dev.backbeat.service.preview.PreviewClip;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.ScoredPreview;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.service.preview.TitleMark;
import dev.backbeat.service.preview.Variation;
import dev.backbeat.ui.FakeBackend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A known timeline: a 20-s clip with three cuts (two caught by the music, one not), 120 BPM 4/4
 * music of 40 beats in 10 bars and four sections, speech from 6 to 9 s, and two titles. The back
 * end applies timeline edits to its draft as the local one does, and offers variations.
 */
final class TimelineFixture {
    static final double DURATION = 20;

    private TimelineFixture() {
    }

    static Draft draft(List<String[]> titles, double volume, String style, double bpm) {
        JsonObject clip = new JsonObject();
        clip.addProperty("title", "city.mp4");
        JsonArray cuts = new JsonArray();
        cuts.add(2.0);
        cuts.add(5.25);
        cuts.add(7.9);
        clip.add("cuts", cuts);
        JsonObject bgm = new JsonObject();
        bgm.addProperty("title", style);
        bgm.addProperty("volume", volume / 100);
        bgm.addProperty("bpm", bpm);
        bgm.addProperty("key", "A minor");
        List<Track> tracks = new ArrayList<>(List.of(new Track(TrackType.VIDEO, List.of(Segment.of(20_000, clip))),
                new Track(TrackType.AUDIO, List.of(Segment.of(20_000, bgm)))));
        if (!titles.isEmpty()) {
            List<Segment> text = new ArrayList<>();
            for (String[] t : titles) {
                JsonObject m = new JsonObject();
                m.addProperty("text", t[0]);
                long start = Math.round(Double.parseDouble(t[1]) * 1000);
                long end = Math.round(Double.parseDouble(t[2]) * 1000);
                text.add(Segment.at(start, end - start, m));
            }
            tracks.add(new Track(TrackType.TEXT, text));
        }
        return new Draft(tracks);
    }

    static Draft draft() {
        return draft(List.of(new String[] {"Urban Dreams", "1", "4"}, new String[] {"The End", "16", "19"}), 35, "Lo-fi", 120);
    }

    static MusicMap music(double bpm, String style) {
        double beat = 60 / bpm;
        int n = (int) Math.floor(DURATION / beat);
        double[] beats = new double[n];
        for (int i = 0; i < n; i++) beats[i] = i * beat;
        List<MusicMap.SectionMark> sections = List.of(new MusicMap.SectionMark("intro", 0, 4, 0.3),
                new MusicMap.SectionMark("build", 4, 10, 0.55), new MusicMap.SectionMark("peak", 10, 16, 0.9),
                new MusicMap.SectionMark("outro", 16, 20, 0.4));
        List<MusicMap.EnergyPoint> energy = new ArrayList<>();
        for (MusicMap.SectionMark s : sections) energy.add(new MusicMap.EnergyPoint(s.startSec(), s.energy()));
        List<MusicMap.CutMark> cuts = List.of(new MusicMap.CutMark(2.0, 0.9, true, "beat"),
                new MusicMap.CutMark(5.25, 0.8, true, "off-beat"), new MusicMap.CutMark(7.9, 0.7, false, ""));
        return new MusicMap(style, bpm, "A minor", 4, beats, 0, sections, energy, cuts,
                List.of(new MusicMap.Span(6, 9)), 35);
    }

    static ScoredPreview preview(long revision, double bpm, String style) {
        return new ScoredPreview(revision, DURATION,
                List.of(new PreviewClip("city.mp4", Path.of("city.mp4"), 0, DURATION, 1920, 1080, 30, true, "")),
                new ToneSound(bpm), music(bpm, style), List.of(new TitleMark(0, "Urban Dreams", 1, 4)));
    }

    /** Music: a decaying 220 Hz tone on every beat; the clip's sound: a 300 Hz tone only while someone speaks (6-9 s). */
    static final class ToneSound implements PreviewSound {
        private final double beat;

        ToneSound(double bpm) {
            this.beat = 60 / bpm;
        }

        @Override
        public long frames() {
            return (long) (DURATION * RATE);
        }

        @Override
        public int read(Layer layer, long from, float[][] out, int n) {
            int count = (int) Math.max(0, Math.min(n, frames() - from));
            for (int i = 0; i < count; i++) {
                double t = (from + i) / (double) RATE;
                double since = t % beat;
                float m = (float) (0.6 * Math.exp(-since * 8) * Math.sin(2 * Math.PI * 220 * t));
                float c = t >= 6 && t < 9 ? (float) (0.3 * Math.sin(2 * Math.PI * 300 * t)) : 0f;
                float v = switch (layer) {
                    case MUSIC -> m;
                    case CLIP -> c;
                    case MIX -> m + c;
                };
                out[0][i] = v;
                out[1][i] = v;
            }
            return count;
        }
    }

    /** A back end that keeps a draft and applies timeline edits and variation picks to it. */
    static final class EditingBackend extends FakeBackend {
        final List<TimelineEdit> edits = new ArrayList<>();
        final List<String[]> titles = new ArrayList<>(List.of(new String[] {"Urban Dreams", "1", "4"},
                new String[] {"The End", "16", "19"}));
        double volume = 35;
        String style = "Lo-fi";
        double bpm = 120;
        int variationCalls;

        EditingBackend() {
            setDraft(current());
        }

        Draft current() {
            return draft(titles, volume, style, bpm);
        }

        /** The scored result the app fetches after each change, as a local back end gives it. */
        @Override
        public java.util.Optional<ScoredPreview> preview() {
            return java.util.Optional.of(TimelineFixture.preview(1, bpm, style));
        }

        @Override
        public SessionState edit(TimelineEdit edit) throws BackendException {
            edits.add(edit);
            if (edit instanceof TimelineEdit.Title t) {
                String[] row = {t.text(), String.valueOf(t.startSec()), String.valueOf(t.endSec())};
                if (t.index() == titles.size()) titles.add(row);
                else titles.set(t.index(), row);
            } else if (edit instanceof TimelineEdit.RemoveTitle r) {
                titles.remove(r.index());
            } else if (edit instanceof TimelineEdit.MusicVolume v) {
                volume = v.percent();
            }
            setDraft(current());
            return state();
        }

        @Override
        public List<Variation> variations(int count, ProgressListener progress, CancelToken cancel) {
            variationCalls++;
            List<Variation> out = new ArrayList<>();
            String[] styles = {"Lo-fi", "Cinematic", "Folk"};
            double[] tempi = {96, 84, 108};
            for (int i = 0; i < count; i++) {
                out.add(new Variation("v" + i, styles[i] + " · " + (int) tempi[i] + " BPM · A minor",
                        TimelineFixture.preview(100 + i, tempi[i], styles[i])));
            }
            return out;
        }

        @Override
        public SessionState pickVariation(String id) {
            int i = Integer.parseInt(id.substring(1));
            style = new String[] {"Lo-fi", "Cinematic", "Folk"}[i];
            bpm = new double[] {96, 84, 108}[i];
            setDraft(current());
            return state();
        }
    }
}
