package dev.backbeat.engine.analysis;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files a user may drop: each is analysed, or rejected with a message that says what to do; none hangs. */
@Timeout(120)
class BadInputTest {

    private static final String[] VIDEO = {"-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2"};
    private static final String[] SOUND = {"-f", "lavfi", "-i", "sine=f=440:d=2"};

    @TempDir
    Path dir;

    private VideoProfile analyse(Path file) throws MediaException {
        return new VideoAnalyzer(Fixtures.runner()).analyze(file, Progress.none(), Cancellation.none());
    }

    private MediaException rejected(Path file, MediaException.Kind kind) {
        MediaException e = assertThrows(MediaException.class, () -> analyse(file));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().length() > 40 && e.getMessage().contains(file.getFileName().toString()),
                "message should name the file and say what to do: " + e.getMessage());
        return e;
    }

    private static String[] join(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    @Test
    void missingFile() {
        rejected(dir.resolve("nowhere.mp4"), MediaException.Kind.NOT_FOUND);
    }

    @Test
    void emptyFile() throws IOException {
        MediaException e = rejected(Files.createFile(dir.resolve("empty.mp4")), MediaException.Kind.EMPTY);
        assertTrue(e.isBadInput());
    }

    @Test
    void textFileNamedMp4() throws IOException {
        Path fake = Files.writeString(dir.resolve("notes.mp4"), "Shopping list: eggs, milk, bread.\n".repeat(50));
        rejected(fake, MediaException.Kind.NOT_MEDIA);
    }

    @Test
    void truncatedMp4() throws IOException {
        Path whole = Fixtures.make(dir.resolve("whole.mp4"), join(VIDEO, SOUND, new String[] {"-c:v", "libx264",
                "-preset", "ultrafast", "-c:a", "aac", "-shortest"}));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut short.mp4"), Arrays.copyOf(bytes, bytes.length * 6 / 10));
        rejected(cut, MediaException.Kind.CORRUPT);
    }

    @Test
    void audioOnly() {
        Path m4a = Fixtures.make(dir.resolve("song.m4a"), join(SOUND, new String[] {"-c:a", "aac"}));
        rejected(m4a, MediaException.Kind.NO_VIDEO);
    }

    @Test
    void videoWithoutSoundIsAnalysedAsSilent() throws MediaException {
        Path mp4 = Fixtures.make(dir.resolve("mute.mp4"), join(VIDEO, new String[] {"-c:v", "libx264", "-preset", "ultrafast"}));
        VideoProfile p = analyse(mp4);
        assertFalse(p.hasAudio());
        assertTrue(Arrays.stream(p.loudness()).allMatch(l -> l == -70));
        assertEquals(1, p.silence().size());
        assertTrue(p.speech().isEmpty());
        assertEquals(2.0, p.durationSec(), 0.1);
    }

    @Test
    void oneFrameVideo() throws MediaException {
        Path mp4 = Fixtures.make(dir.resolve("one.mp4"), join(VIDEO, new String[] {"-frames:v", "1", "-c:v", "libx264"}));
        VideoProfile p = analyse(mp4);
        assertTrue(p.cuts().isEmpty());
        assertEquals(1, p.shots().size());
        assertTrue(p.motion().length >= 1);
    }

    @Test
    void portraitPhoneClipIsShownUpright() throws MediaException {
        Path landscape = Fixtures.make(dir.resolve("raw.mp4"), join(VIDEO, new String[] {"-c:v", "libx264", "-preset", "ultrafast"}));
        Path portrait = Fixtures.make(dir.resolve("portrait.mp4"), "-display_rotation", "90", "-i", landscape.toString(),
                "-c", "copy");
        VideoProfile p = analyse(portrait);
        assertEquals(180, p.width());
        assertEquals(320, p.height());
    }

    @Test
    void vp9WebM() throws MediaException {
        Path webm = Fixtures.make(dir.resolve("clip.webm"), join(VIDEO, SOUND, new String[] {"-c:v", "libvpx-vp9",
                "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-shortest"}));
        VideoProfile p = analyse(webm);
        assertTrue(p.hasAudio());
        assertEquals(2.0, p.durationSec(), 0.15);
    }

    @Test
    void mjpegAvi() throws MediaException {
        Path avi = Fixtures.make(dir.resolve("clip.avi"), join(VIDEO, SOUND, new String[] {"-c:v", "mjpeg",
                "-q:v", "5", "-c:a", "pcm_s16le", "-shortest"}));
        VideoProfile p = analyse(avi);
        assertEquals(320, p.width());
        assertTrue(p.hasAudio());
    }

    @Test
    void theoraOgv() throws MediaException {
        assumeTrue(Fixtures.hasEncoder("libtheora"), "the bundled FFmpeg has no Theora encoder, so no OGV fixture can be made");
        Path ogv = Fixtures.make(dir.resolve("clip.ogv"), join(VIDEO, new String[] {"-c:v", "libtheora"}));
        assertEquals(320, analyse(ogv).width());
    }

    @Test
    void pathWithSpacesAndNonAsciiLetters() throws IOException, MediaException {
        Path folder = Files.createDirectories(dir.resolve("Mes vidéos d'été"));
        Path mp4 = Fixtures.make(folder.resolve("Ünïcödé clip – 東京 1.mp4"), join(VIDEO, SOUND, new String[] {
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest"}));
        VideoProfile p = analyse(mp4);
        assertEquals(mp4.toString(), p.source());
        assertTrue(p.hasAudio());
    }
}
