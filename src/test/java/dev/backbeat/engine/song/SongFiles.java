package dev.backbeat.engine.song;

import dev.backbeat.engine.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated songs as files other packages' tests can use. */
public final class SongFiles {
    private SongFiles() {
    }

    /** The synthetic song (kick/snare/hat and chords, 8-bar intro, {@code bodyBars}-bar body, 2-bar ending) as an MP3. */
    public static Path mp3(Path dir, String name, double bpm, int bodyBars) throws IOException {
        Path wav = new SyntheticSong(bpm, 8, bodyBars, 2, 5).writeWav(dir.resolve(name + ".wav"));
        Path mp3 = Fixtures.make(dir.resolve(name + ".mp3"), "-i", wav.toString(), "-c:a", "libmp3lame", "-b:a", "192k");
        Files.delete(wav);
        return mp3;
    }

    /** The true bar lines of {@link #mp3} (the MP3 encoder's delay is removed by the decoder). */
    public static double[] bars(double bpm, int bodyBars) {
        return new SyntheticSong(bpm, 8, bodyBars, 2, 5).bars();
    }
}
