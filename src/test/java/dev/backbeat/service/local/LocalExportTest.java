package dev.backbeat.service.local;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.service.BackendException;
import dev.backbeat.service.CancelToken;
import dev.backbeat.service.ChatEvent;
import dev.backbeat.service.ExportProgress;
import dev.backbeat.service.ExportRequest;
import dev.backbeat.service.ExportResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local back end end to end on a generated 1080p clip with speech: upload, chat, export,
 * and the outputs checked with ffprobe, ebur128 and packet hashes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalExportTest {
    static final double SPEECH_AT = 2.0;
    @TempDir
    static Path dir;
    static Path clip;
    static LocalBackend backend;

    @BeforeAll
    static void makeClipAndUpload() throws Exception {
        Path speech = Fixtures.speech(dir);
        clip = Fixtures.make(dir.resolve("trip clip.mp4"), "-i", speech.toString(), "-filter_complex", String.join(";",
                        "testsrc2=s=1920x1080:r=30:d=3[a]",
                        "smptebars=s=1920x1080:r=30:d=2.5[b]",
                        "color=c=0x336699:s=1920x1080:r=30:d=2.5[c]",
                        "[a][b][c]concat=n=3:v=1:a=0,format=yuv420p[v]",
                        "[0:a]adelay=" + (int) (SPEECH_AT * 1000) + ":all=1[sp]",
                        "anoisesrc=c=pink:a=0.003:r=48000:d=8[n]",
                        "[n][sp]amix=inputs=2:duration=first:normalize=0[au]"),
                "-map", "[v]", "-map", "[au]", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-t", "8");
        backend = new LocalBackend(new FfmpegSource(null));
        backend.upload(List.of(clip), (n, f) -> { }, CancelToken.none());
    }

    private static List<ChatEvent> chat(String message) {
        List<ChatEvent> events = new ArrayList<>();
        backend.chat(message, events::add, CancelToken.none());
        return events;
    }

    /** The answer of a turn: its pieces put together (it streams in a few words at a time). */
    private static String answer(List<ChatEvent> events) {
        return events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk())
                .collect(java.util.stream.Collectors.joining());
    }

    private static ExportResult export(Path target, String aspect, Path stems) throws BackendException {
        return backend.exportTo(new ExportRequest(target, aspect, -14), stems, p -> { }, CancelToken.none());
    }

    @Test
    @Order(1)
    void uploadGivesAVideoAndAMusicTrack() {
        String summary = backend.state().draft().summary();
        assertTrue(summary.startsWith("Timeline (2 tracks): 1. Video: trip clip.mp4 (0-8s) 2. BGM: "), summary);
        assertTrue(summary.endsWith("(0-8s, 35%)"), "music sits at 35% under speech: " + summary);
    }

    @Test
    @Order(2)
    void chatRecomposesAndSaysWhatChanged() {
        List<ChatEvent> events = chat("calmer, no drums");
        String text = events.stream().filter(e -> e instanceof ChatEvent.Text).map(e -> ((ChatEvent.Text) e).chunk())
                .reduce("", String::concat);
        assertTrue(text.startsWith("Calm, no drums now: "), text);
        assertTrue(text.contains("BPM") && text.contains("BGM 0-8 s at 35%."), text);
        assertTrue(events.stream().anyMatch(e -> e instanceof ChatEvent.TimelineChanged));
        assertInstanceOf(ChatEvent.Done.class, events.get(events.size() - 1));
    }

    @Test
    @Order(3)
    void anUnknownRequestGetsAnHonestAnswer() {
        List<ChatEvent> events = chat("make the sky bluer");
        String text = answer(events);
        assertTrue(text.startsWith("I did not find a change to make in that. I can change the music's mood"), text);
    }

    @Test
    @Order(4)
    void exportCopiesTheVideoAndMeetsTheLoudnessTarget() throws Exception {
        Path stems = dir.resolve("stems");
        Path out = dir.resolve("out.mp4");
        ExportResult r = export(out, "16:9", stems);
        assertTrue(r.details().startsWith("video copied untouched"), r.details());
        String probe = Media.probe(out);
        assertTrue(probe.contains("codec_name=h264") && probe.contains("codec_name=aac"), probe);
        assertEquals(1920, Media.number(probe, "width"));
        assertEquals(1080, Media.number(probe, "height"));
        assertEquals(8.0, Media.number(probe, "format\\|duration"), 1 / 30.0 + 0.025);
        assertEquals(Media.videoPacketHashes(clip), Media.videoPacketHashes(out), "video packets copied untouched");
        double[] loud = Media.loudness(out);
        assertEquals(-14, loud[0], 1.0, "integrated loudness");
        assertTrue(loud[1] <= -1.0, "true peak " + loud[1] + " dBTP");
        assertTrue(Files.exists(stems.resolve("original-sound.wav")));
        // the music bed as mixed dips under the voice: compared with the same piece mixed without
        // ducking, it is at least 8 dB lower during speech than after it (the music's own
        // dynamics and the overall gain cancel out)
        chat("turn off ducking");
        Path flatStems = dir.resolve("stems-flat");
        export(dir.resolve("flat.mp4"), "16:9", flatStems);
        chat("duck the music under my voice");
        Path ducked = stems.resolve("music-bed.wav");
        Path flat = flatStems.resolve("music-bed.wav");
        double during = SPEECH_AT + 0.8;
        double duringEnd = SPEECH_AT + Fixtures.SPEECH_SEC - 0.8;
        double after = SPEECH_AT + Fixtures.SPEECH_SEC + 0.7;
        double dipDuring = Media.rmsDb(flat, during, duringEnd) - Media.rmsDb(ducked, during, duringEnd);
        double dipAfter = Media.rmsDb(flat, after, 7.8) - Media.rmsDb(ducked, after, 7.8);
        assertTrue(dipDuring - dipAfter >= 8, "music dips " + (dipDuring - dipAfter) + " dB under speech");
    }

    @Test
    @Order(5)
    void verticalWithATitleIsReencodedTo1080x1920() throws Exception {
        List<ChatEvent> titled = chat("add the title 'Urban Dreams' for 2 seconds");
        assertEquals("Title \"Urban Dreams\" 0:00-0:02. BGM 0-8 s at 35%.", answer(titled),
                "a title keeps the piece: no composing, a plain answer");
        chat("make it vertical");
        Path out = dir.resolve("vertical.mp4");
        ExportResult r = export(out, null, null);
        assertTrue(r.details().startsWith("full re-encode: ") && r.details().contains("reframed to 9:16"), r.details());
        String probe = Media.probe(out);
        assertEquals(1080, Media.number(probe, "width"));
        assertEquals(1920, Media.number(probe, "height"));
        assertEquals(8.0, Media.number(probe, "format\\|duration"), 1 / 30.0 + 0.025);
        assertEquals(3, backend.state().draft().tracks().size(), "the title track is on the timeline");
    }

    @Test
    @Order(6)
    void theSourceIsNeverOverwritten() throws Exception {
        long size = Files.size(clip);
        BackendException e = assertThrows(BackendException.class, () -> export(clip, "16:9", null));
        assertEquals(BackendException.Kind.OUTPUT, e.kind());
        assertTrue(e.getMessage().contains("never overwrites your source"), e.getMessage());
        assertEquals(size, Files.size(clip));
    }

    @Test
    @Order(7)
    void aMissingFolderIsRefusedInWords() {
        BackendException e = assertThrows(BackendException.class, () -> export(dir.resolve("nope/out.mp4"), "16:9", null));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    @Order(8)
    void cancelInTheMiddleLeavesNothingBehind() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cancel"));
        Path out = folder.resolve("cancelled.mp4");
        CancelToken cancel = new CancelToken();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                backend.exportTo(new ExportRequest(out, "1:1", -14), null, (ExportProgress p) -> {
                    if (p.stage().equals("Writing the video") && p.fraction() > 0.2) {
                        cancel.cancel();
                    }
                }, cancel);
            } catch (Throwable e) {
                error.set(e);
            }
        });
        t.start();
        t.join(120_000);
        assertFalse(t.isAlive());
        assertInstanceOf(BackendException.class, error.get());
        assertEquals(BackendException.Kind.CANCELLED, ((BackendException) error.get()).kind());
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "nothing left in the folder");
        }
    }
}
