package dev.backbeat.service.local;

import dev.backbeat.draft.Segment;
import dev.backbeat.draft.Track;
import dev.backbeat.draft.TrackType;
import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.SessionState;
import dev.backbeat.service.preview.PreviewSound;
import dev.backbeat.service.preview.TimelineEdit;
import dev.backbeat.service.preview.Variation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Timeline edits, variations and the streamed chat of the local back end, on one generated clip with two cuts. */
class LocalTimelineTest {
    @TempDir
    static Path dir;
    static LocalBackend backend;

    @BeforeAll
    static void load() throws Exception {
        Path clip = Fixtures.make(dir.resolve("cuts.mp4"), "-f", "lavfi", "-i",
                "color=c=red:s=320x180:r=30:d=2.5[a];color=c=blue:s=320x180:r=30:d=2.5[b];"
                        + "color=c=yellow:s=320x180:r=30:d=3[c];[a][b][c]concat=n=3:v=1:a=0,format=yuv420p",
                "-f", "lavfi", "-i", "sine=f=440:d=8", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        backend = new LocalBackend(new FfmpegSource(null));
        backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
    }

    private static Track track(SessionState s, TrackType.Kind kind) {
        return s.draft().firstTrack(kind).orElseThrow();
    }

    @Test
    void titlesAreAddedMovedAndRemovedWithoutComposingAgain() throws Exception {
        Segment bgmBefore = track(backend.state(), TrackType.Kind.AUDIO).segments().get(0);
        SessionState s = backend.edit(new TimelineEdit.Title(0, "Urban Dreams", 1.0, 3.5));
        Track.PlacedSegment t = track(s, TrackType.Kind.TEXT).placed().get(0);
        assertEquals("Urban Dreams", t.segment().metaString("text").orElseThrow());
        assertEquals(1000, t.startMs());
        assertEquals(3500, t.endMs());

        s = backend.edit(new TimelineEdit.Title(0, "  Night Ride ", 2.0, 99));
        t = track(s, TrackType.Kind.TEXT).placed().get(0);
        assertEquals("Night Ride", t.segment().metaString("text").orElseThrow());
        assertEquals(2000, t.startMs());
        assertEquals(8000, t.endMs(), 40, "a title is cut at the video's end");
        assertEquals(bgmBefore, track(s, TrackType.Kind.AUDIO).segments().get(0), "the piece is the same");

        s = backend.edit(new TimelineEdit.RemoveTitle(0));
        assertTrue(s.draft().firstTrack(TrackType.Kind.TEXT).isEmpty());
    }

    @Test
    void badEditsAreRefusedInPlainWords() {
        BackendException e = assertThrows(BackendException.class, () -> backend.edit(new TimelineEdit.Title(0, " ", 1, 2)));
        assertEquals(BackendException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("needs some text"), e.getMessage());
        e = assertThrows(BackendException.class, () -> backend.edit(new TimelineEdit.Title(0, "x", 30, 32)));
        assertTrue(e.getMessage().contains("start within the video"), e.getMessage());
        e = assertThrows(BackendException.class, () -> backend.edit(new TimelineEdit.Title(5, "x", 1, 2)));
        assertTrue(e.getMessage().contains("no longer on the timeline"), e.getMessage());
        e = assertThrows(BackendException.class, () -> backend.edit(new TimelineEdit.MusicVolume(140)));
        assertTrue(e.getMessage().contains("0 to 100%"), e.getMessage());
    }

    @Test
    void theMusicVolumeIsSetOnTheBgmSegment() throws Exception {
        SessionState s = backend.edit(new TimelineEdit.MusicVolume(42));
        assertEquals(42, track(s, TrackType.Kind.AUDIO).segments().get(0).volumePercent().orElseThrow(), 0.5);
        s = backend.edit(new TimelineEdit.MusicVolume(80));
        assertEquals(80, track(s, TrackType.Kind.AUDIO).segments().get(0).volumePercent().orElseThrow(), 0.5);
    }

    @Test
    void threeVariationsDifferAndPickingOneChangesTheBgm() throws Exception {
        List<Variation> vs = backend.variations(3, (n, f) -> { }, CancelToken.none());
        assertEquals(3, vs.size());
        Set<String> summaries = new HashSet<>();
        for (Variation v : vs) {
            summaries.add(v.summary());
            assertEquals(8.0, v.preview().durationSec(), 0.05);
            assertTrue(v.preview().music().barTimes().length > 0);
            // the audition has the music in it
            float[][] buf = new float[2][48_000];
            int got = v.preview().sound().read(PreviewSound.Layer.MUSIC, 2 * 48_000L, buf, 48_000);
            assertEquals(48_000, got);
            double energy = 0;
            for (float x : buf[0]) energy += x * x;
            assertTrue(energy > 1, "the music layer is not silent: " + energy);
        }
        assertEquals(3, summaries.size(), "each card offers something else: " + summaries);

        Segment before = track(backend.state(), TrackType.Kind.AUDIO).segments().get(0);
        Variation pick = vs.get(2);
        Segment after = track(backend.pickVariation(pick.id()), TrackType.Kind.AUDIO).segments().get(0);
        assertNotEquals(before, after);
        assertTrue(pick.summary().startsWith(after.label().orElseThrow()), pick.summary() + " vs " + after);
        assertEquals(Math.round(pick.preview().music().bpm()), after.metaNumber("bpm").orElseThrow(), 0.5);

        BackendException stale = assertThrows(BackendException.class, () -> backend.pickVariation(vs.get(0).id()));
        assertTrue(stale.getMessage().contains("no longer on offer"), stale.getMessage());
    }

    @Test
    void aChatTurnStreamsItsStepsThenTheAnswerInPieces() {
        List<ChatEvent> events = new ArrayList<>();
        backend.chat("calmer", events::add, CancelToken.none());
        List<String> steps = events.stream().filter(e -> e instanceof ChatEvent.Progress)
                .map(e -> ((ChatEvent.Progress) e).note()).toList();
        assertEquals(List.of("Reading the request…", "Composing…", "Rendering the music…", "Mixing…"), steps);
        List<String> chunks = events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk()).toList();
        assertTrue(chunks.size() > 2, "the answer comes in pieces: " + chunks);
        int firstText = events.indexOf(events.stream().filter(e -> e instanceof ChatEvent.Text).findFirst().orElseThrow());
        assertTrue(firstText > events.indexOf(events.stream().filter(e -> e instanceof ChatEvent.Progress
                && ((ChatEvent.Progress) e).note().equals("Mixing…")).findFirst().orElseThrow()));
        assertTrue(String.join("", chunks).length() > 20);
        assertInstanceOf(ChatEvent.Done.class, events.get(events.size() - 1));
    }
}
