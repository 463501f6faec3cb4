package dev.backbeat.engine.song;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.MediaException;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Songs that cannot be used are refused in words, and leave no working file behind. */
class SongBadInputTest {
    @TempDir
    Path dir;

    private MediaException refused(Path song) {
        Path pcm = dir.resolve("decoded.f32");
        MediaException e = assertThrows(MediaException.class, () -> new SongAnalyzer(Fixtures.runner())
                .analyze(song, pcm, Progress.none(), Cancellation.none()));
        assertFalse(Files.exists(pcm), "a working file was left: " + pcm);
        assertTrue(e.isBadInput(), "bad input, not a failure of the tool: " + e.kind());
        assertTrue(e.getMessage().contains(song.getFileName().toString()), "names the file: " + e.getMessage());
        System.out.println(song.getFileName() + ": " + e.getMessage());
        return e;
    }

    @Test
    void anEmptyFile() throws Exception {
        MediaException e = refused(Files.createFile(dir.resolve("empty.mp3")));
        assertEquals(MediaException.Kind.EMPTY, e.kind());
        assertTrue(e.getMessage().contains("empty (0 bytes)"));
    }

    @Test
    void textRenamedMp3() throws Exception {
        Path song = Files.writeString(dir.resolve("notes.mp3"), "Shopping list: milk, eggs, bread.\nCall Sam at six.\n");
        MediaException e = refused(song);
        assertEquals(MediaException.Kind.NOT_MEDIA, e.kind());
        assertTrue(e.getMessage().contains("holds text"), e.getMessage());
        assertTrue(e.getMessage().contains("MP3, WAV, M4A or AAC"), "names what is accepted");
    }

    @Test
    void aVideoWithoutSound() {
        Path video = Fixtures.make(dir.resolve("silent.mp4"), "-f", "lavfi", "-i", "testsrc=size=160x90:rate=25:duration=3",
                "-c:v", "libx264", "-pix_fmt", "yuv420p");
        MediaException e = refused(video);
        assertEquals(MediaException.Kind.NO_AUDIO, e.kind());
        assertTrue(e.getMessage().contains("has no sound"), e.getMessage());
    }

    @Test
    void aTruncatedMp3() throws Exception {
        Path whole = Fixtures.make(dir.resolve("whole.mp3"), "-f", "lavfi", "-i", "sine=frequency=440:duration=30",
                "-c:a", "libmp3lame", "-b:a", "128k");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mp3"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        MediaException e = refused(cut);
        assertEquals(MediaException.Kind.CORRUPT, e.kind());
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void aWholeMp3IsTaken() throws Exception {
        Path whole = Fixtures.make(dir.resolve("whole.mp3"), "-f", "lavfi", "-i", "sine=frequency=440:duration=5",
                "-c:a", "libmp3lame", "-b:a", "128k");
        Song s = new SongAnalyzer(Fixtures.runner()).analyze(whole, dir.resolve("ok.f32"), Progress.none(), Cancellation.none());
        assertEquals(5, s.decoded().durationSec(), 0.1);
        // a steady tone has no beat: the fitter will cut and fade it, and says so
        assertFalse(s.grid().hasBeat(), s.grid().describe());
    }

    @Test
    void noiseHasNoBeatAndIsCutAndFaded() throws Exception {
        Path noise = Fixtures.make(dir.resolve("rain.wav"), "-f", "lavfi", "-i", "anoisesrc=color=pink:duration=20:seed=3");
        Song s = new SongAnalyzer(Fixtures.runner()).analyze(noise, dir.resolve("rain.f32"), Progress.none(), Cancellation.none());
        System.out.println("noise: " + s.grid().describe());
        assertFalse(s.grid().hasBeat(), "noise has no beat: " + s.grid().describe());
        // shorter: the stretch between two quiet moments the excess apart is left out, the ending kept
        FittedSong shorter = new SongFitter().fit(s, 8);
        System.out.println(shorter.describe());
        assertEquals(8 * SongDecoder.RATE, shorter.pcm()[0].length);
        assertTrue(shorter.how().contains("no clear beat") && shorter.how().contains("own ending"), shorter.how());
        assertEquals(1, shorter.joins().size());
        FittedSong.Piece end = shorter.pieces().get(1);
        assertEquals(s.grid().soundEnd(), end.toSec(), 1e-9, "ends on the song's end");
        // longer: played whole after a partial play of its start
        FittedSong longer = new SongFitter().fit(s, 45);
        System.out.println(longer.describe());
        assertEquals(45 * SongDecoder.RATE, longer.pcm()[0].length);
        assertTrue(longer.how().contains("played 2 times whole"), longer.how());
        // the 300 ms crossfades keep the joins free of clicks
        for (FittedSong.Join j : longer.joins()) {
            int at = (int) Math.round(j.atSec() * SongDecoder.RATE);
            double step = SongFittingTest.maxStep(longer.pcm()[0], at - 4800, at + 4800);
            double around = SongFittingTest.maxStep(longer.pcm()[0], at - 48000, at - 9600);
            assertTrue(step <= 1.5 * around, "step " + step + " at a join, " + around + " nearby");
        }
    }
}
