package dev.backbeat.engine.song;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tempo, beats and bar lines found on synthetic songs whose grid is known. */
class BeatTrackerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(doubles = {72, 97, 128, 150})
    void findsTempoBeatsAndBarLines(double bpm) throws Exception {
        SyntheticSong made = new SyntheticSong(bpm, 8, 16, 2, 7);
        Path wav = made.writeWav(dir.resolve("song.wav"));
        long t0 = System.nanoTime();
        Song song = new SongAnalyzer(Fixtures.runner()).analyze(wav, dir.resolve("song.f32"), Progress.none(), Cancellation.none());
        double sec = (System.nanoTime() - t0) / 1e9;
        SongGrid g = song.grid();
        System.out.printf(Locale.ROOT, "song %.0f BPM: found %s (%.2f s)%n", bpm, g.describe(), sec);
        double[] gb = g.beats();
        System.out.printf(Locale.ROOT, "  last beats %s, truth ends %.3f; first %.3f truth %.3f%n",
                java.util.Arrays.toString(java.util.Arrays.copyOfRange(gb, Math.max(0, gb.length - 3), gb.length)),
                made.beats()[made.beats().length - 1], gb[0], made.beats()[0]);
        assertEquals(bpm, g.bpm(), bpm * 0.02, "tempo within 2 %");

        // every true beat has a tracked beat within 30 ms, and nearly every tracked beat is a true one
        double[] truth = made.beats();
        int hit = 0;
        double worst = 0;
        double sumErr = 0;
        for (double t : truth) {
            double d = nearest(g.beats(), t);
            if (d <= 0.030) {
                hit++;
                sumErr += d;
            }
            worst = Math.max(worst, d);
        }
        System.out.printf(Locale.ROOT, "  beats: %d of %d within 30 ms (mean %.1f ms), tracked %d%n", hit, truth.length,
                1000 * sumErr / Math.max(1, hit), g.beats().length);
        assertTrue(hit >= 0.95 * truth.length, "beats within ±30 ms: " + hit + " of " + truth.length);
        int spurious = 0;
        for (double b : g.beats()) {
            if (nearest(truth, b) > 0.030) {
                spurious++;
            }
        }
        assertTrue(spurious <= 2, spurious + " tracked beats lie off the grid");

        // bar lines on the kick-heavy downbeats
        double[] bars = made.bars();
        int onBar = 0;
        for (double b : g.bars()) {
            if (nearest(bars, b) <= 0.030) {
                onBar++;
            }
        }
        assertTrue(g.bars().length >= bars.length - 2, "bars found: " + g.bars().length);
        assertEquals(g.bars().length, onBar, "every bar line found is a true downbeat");
        assertEquals(made.finalBar(), g.end(), 0.030, "the ending is the final chord's bar line");
        assertTrue(g.hasBeat());
    }

    static double nearest(double[] xs, double t) {
        double best = Double.MAX_VALUE;
        for (double x : xs) {
            best = Math.min(best, Math.abs(x - t));
        }
        return best;
    }
}
