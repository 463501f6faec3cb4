package dev.backbeat.engine.song;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.dsp.Biquad;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 60-s synthetic song (97 BPM: 8-bar intro, 14-bar body, 2-bar ending) fitted to 25, 60 and 140 s. */
class SongFittingTest {
    @TempDir
    static Path dir;
    static SyntheticSong made;
    static Song song;
    static float[][] source;

    @BeforeAll
    static void analyse() throws Exception {
        made = new SyntheticSong(97, 8, 14, 2, 11);
        Path wav = made.writeWav(dir.resolve("song.wav"));
        song = new SongAnalyzer(Fixtures.runner()).analyze(wav, dir.resolve("song.f32"), Progress.none(), Cancellation.none());
        try (SongSamples s = new SongSamples(song.decoded().pcm())) {
            int n = (int) s.frames();
            source = new float[][] {new float[n], new float[n]};
            s.read(0, n, source[0], source[1]);
        }
        System.out.println("song: " + song.grid().describe());
    }

    @ParameterizedTest
    @ValueSource(doubles = {25, 60, 140, 37.3, 95})
    void fitsOnBarLinesAndEndsOnTheEnding(double target) throws Exception {
        check(made, song, source, target);
    }

    /** The case: a 95-s piece with a known grid fitted to 60 s and to 150 s. */
    @ParameterizedTest
    @ValueSource(doubles = {60, 150})
    void aNinetyFiveSecondPiece(double target) throws Exception {
        SyntheticSong longer = new SyntheticSong(97, 8, 28, 2, 13);
        Path wav = longer.writeWav(dir.resolve("song95.wav"));
        Song s = new SongAnalyzer(Fixtures.runner()).analyze(wav, dir.resolve("song95.f32"), Progress.none(), Cancellation.none());
        assertEquals(95, s.grid().soundEnd(), 3, "about 95 s of sound");
        float[][] pcm;
        try (SongSamples samples = new SongSamples(s.decoded().pcm())) {
            int n = (int) samples.frames();
            pcm = new float[][] {new float[n], new float[n]};
            samples.read(0, n, pcm[0], pcm[1]);
        }
        FittedSong fit = check(longer, s, pcm, target);
        // the music ends with the video: the song's own sound lasts to within 150 ms of the end, and where
        // it would last longer its release is faded to silence on the last frame
        FittedSong.Piece lastPiece = fit.pieces().get(fit.pieces().size() - 1);
        double songEnds = lastPiece.atSec() + s.grid().soundEnd() - lastPiece.fromSec();
        System.out.printf(Locale.ROOT, "  the song's sound ends at %.3f s of %.1f; fade %.2f s%n", songEnds, target, fit.fadeSec());
        assertTrue(songEnds >= target - 0.150, "the music stops " + (target - songEnds) + " s before the video ends");
        float peak = 0;
        for (float x : fit.pcm()[0]) {
            peak = Math.max(peak, Math.abs(x));
        }
        float lastSample = Math.abs(fit.pcm()[0][fit.pcm()[0].length - 1]);
        assertTrue(songEnds <= target + 0.02 || fit.fadeSec() > 0 && lastSample < 1e-3 * peak,
                "the song goes on past the video's end without a fade to silence");
        // no fade cuts a phrase: any fade lies after the final chord's first beat
        FittedSong.Piece last = fit.pieces().get(fit.pieces().size() - 1);
        double finalChordAt = last.atSec() + longer.finalBar() - last.fromSec();
        assertTrue(fit.fadeSec() == 0 || target - fit.fadeSec() >= finalChordAt + longer.beatSec() - 1e-6,
                "the fade starts before the final chord has sounded a beat");
    }

    static FittedSong check(SyntheticSong made, Song song, float[][] source, double target) throws Exception {
        FittedSong fit = new SongFitter().fit(song, target);
        System.out.printf(Locale.ROOT, "fit to %.1f s: %s%n", target, fit.describe());
        int rate = SongDecoder.RATE;

        // exactly the video's length, to the frame
        assertEquals(Math.round(target * rate), fit.pcm()[0].length, 1);

        // every join on a bar line of the source (±20 ms of the true downbeats)
        double[] bars = made.bars();
        for (FittedSong.Join j : fit.joins()) {
            assertTrue(BeatTrackerTest.nearest(bars, j.leftSec()) <= 0.020, "left at " + j.leftSec() + ", not a bar line");
            assertTrue(BeatTrackerTest.nearest(bars, j.enteredSec()) <= 0.020, "entered at " + j.enteredSec() + ", not a bar line");
        }
        if (Math.abs(target - 60) > 5) {
            assertTrue(!fit.joins().isEmpty(), "a song of another length needs a join");
        }

        // the output ends on the song's own ending: its last piece runs on from before the ending to
        // the final chord's release, and the final chord is heard for at least a beat
        FittedSong.Piece last = fit.pieces().get(fit.pieces().size() - 1);
        double songAtEnd = last.fromSec() + (target - last.atSec());
        assertTrue(last.fromSec() <= made.finalBar() - 4 * made.beatSec(), "the last piece starts in the ending");
        assertTrue(songAtEnd >= made.finalBar() + made.beatSec() - 0.15, "the final chord is cut: the song is at "
                + songAtEnd + " s when the video ends (final chord at " + made.finalBar() + ")");
        assertTrue(songAtEnd <= song.grid().soundEnd() + 0.15);
        assertTrue(fit.fadeSec() <= SongFitter.MAX_FADE_SEC + 1e-9);
        // the last ~2 s are the song's own samples (before the fade)
        int from = (int) Math.round((target - 2.0) * rate);
        int to = (int) Math.round((target - fit.fadeSec()) * rate) - 1;
        int shift = (int) Math.round((last.fromSec() - last.atSec()) * rate);
        double worst = 0;
        for (int i = from; i < to; i++) {
            worst = Math.max(worst, Math.abs(fit.pcm()[0][i] - source[0][i + shift]));
        }
        assertTrue(worst < 1e-6, "the end is not the song's ending: differs by " + worst);

        // the beats in output time keep the song's spacing, and the bar lines are among them
        double[] beats = fit.beats();
        assertTrue(beats.length > target / made.beatSec() * 0.85, "beats in the output: " + beats.length);

        // no click at a join: the sample step and the 2-8 kHz energy there are no more than the song's own
        for (FittedSong.Join j : fit.joins()) {
            int at = (int) Math.round(j.atSec() * rate);
            int leftAt = (int) Math.round(j.leftSec() * rate);
            int enteredAt = (int) Math.round(j.enteredSec() * rate);
            double step = maxStep(fit.pcm()[0], at - 480, at + 480);
            double natural = Math.max(maxStep(source[0], leftAt - 480, leftAt + 480), maxStep(source[0], enteredAt - 480, enteredAt + 480));
            assertTrue(step <= 1.2 * natural + 0.005, String.format(Locale.ROOT, "step %.4f at the join %.2f s, the song's own %.4f",
                    step, j.atSec(), natural));
            double hf = highBand(fit.pcm()[0], at - 480, at + 480);
            double hfSong = Math.max(highBand(source[0], leftAt - 480, leftAt + 480), highBand(source[0], enteredAt - 480, enteredAt + 480));
            assertTrue(hf <= 1.5 * hfSong + 1e-6, String.format(Locale.ROOT, "2-8 kHz energy %.3g at the join %.2f s, the song's own %.3g",
                    hf, j.atSec(), hfSong));
        }
        return fit;
    }

    /** Videos shorter than the song's ending: still exactly their length, still ending as the song does where they can. */
    @ParameterizedTest
    @ValueSource(doubles = {2, 5, 9})
    void veryShortVideos(double target) throws Exception {
        FittedSong fit = new SongFitter().fit(song, target);
        System.out.printf(Locale.ROOT, "fit to %.1f s: %s%n", target, fit.describe());
        assertEquals(Math.round(target * SongDecoder.RATE), fit.pcm()[0].length, 1);
        if (target >= 5) {
            FittedSong.Piece last = fit.pieces().get(fit.pieces().size() - 1);
            assertEquals(song.grid().soundEnd(), last.toSec(), 1e-6, "the last piece runs to the song's end");
        }
    }

    @Test
    void aSongWithoutABeatIsCutAndFaded() {
        SongGrid flat = new SongGrid(120, new double[0], new double[0], new double[0], 4, 30, 0, 30, 30, 1.0);
        SongFitter.Plan p = new SongFitter().plan(flat, new double[0][], 20);
        assertEquals(1, p.pieces().size());
        assertEquals(20, p.rawLengthSec(), 1e-9);
        assertTrue(p.fadeSec() > 1 && p.how().contains("no clear beat"));
        SongFitter.Plan longer = new SongFitter().plan(flat, new double[0][], 70);
        assertEquals(3, longer.pieces().size());
    }

    static double maxStep(float[] x, int from, int to) {
        double m = 0;
        for (int i = Math.max(1, from); i < Math.min(x.length, to); i++) {
            m = Math.max(m, Math.abs(x[i] - x[i - 1]));
        }
        return m;
    }

    /** Energy between 2 and 8 kHz (a high-pass then a low-pass biquad, Butterworth, 48 kHz). */
    static double highBand(float[] x, int from, int to) {
        Biquad hp = butter(2000, true);
        Biquad lp = butter(8000, false);
        double e = 0;
        for (int i = Math.max(0, from - 480); i < Math.min(x.length, to); i++) {
            double y = lp.next(hp.next(x[i]));
            if (i >= from) {
                e += y * y;
            }
        }
        return e;
    }

    private static Biquad butter(double hz, boolean high) {
        double w = 2 * Math.PI * hz / SongDecoder.RATE;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / Math.sqrt(2);
        double a0 = 1 + alpha;
        double b0 = high ? (1 + cos) / 2 : (1 - cos) / 2;
        double b1 = high ? -(1 + cos) : 1 - cos;
        return new Biquad(b0 / a0, b1 / a0, b0 / a0, -2 * cos / a0, (1 - alpha) / a0);
    }
}
