package dev.backbeat.engine.song;

import dev.backbeat.engine.Fixtures;
import dev.backbeat.engine.media.Cancellation;
import dev.backbeat.engine.media.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our beat tracker against an outside one: aubio's {@code aubiotrack} (Debian aubio-tools) on the
 * same generated songs, with hats on the eighths and on the beats only. Agreement: the share of each
 * tracker's beats with one of the other's within 70 ms, over the stretch where both track (aubio
 * takes a few seconds to lock on). aubio is first checked against the known grid: on off-beat hats
 * it locks onto them for long stretches, and a judge that is wrong on known material judges nothing.
 */
class AubioAgreementTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(doubles = {72, 97, 128, 150})
    void agreesWithAubio(double bpm) throws Exception {
        Path aubio = Path.of("/usr/bin/aubiotrack");
        assumeTrue(Files.isExecutable(aubio), "aubiotrack (Debian aubio-tools) is not installed");
        int judged = 0;
        for (boolean eighthHats : new boolean[] {true, false}) {
            SyntheticSong made = new SyntheticSong(bpm, 8, 16, 2, 3, eighthHats);
            Path wav = made.writeWav(dir.resolve("song-" + eighthHats + ".wav"));
            Song song = new SongAnalyzer(Fixtures.runner()).analyze(wav, dir.resolve("song.f32"), Progress.none(), Cancellation.none());
            double[] theirs = aubioBeats(aubio, wav);
            double[] ours = song.grid().beats();
            // judged where both claim beats, after aubio's warm-up
            double from = Math.max(5, ours[0]);
            double to = ours[ours.length - 1] + 0.1;
            double aubioRight = agreement(theirs, made.beats(), from, to);
            double share = agreement(theirs, ours, from, to);
            double shareOurs = agreement(ours, theirs, from, to);
            double oursRight = agreement(ours, made.beats(), from, to);
            System.out.printf(Locale.ROOT, "%.0f BPM, hats on %s: aubio %d beats (%.1f BPM by median interval), ours %d"
                            + " (%.1f BPM); within 70 ms: aubio-ours %.0f %%, ours-aubio %.0f %%; against the known grid:"
                            + " aubio %.0f %%, ours %.0f %%%n", bpm, eighthHats ? "eighths" : "beats", theirs.length,
                    medianBpm(theirs), ours.length, song.grid().bpm(), 100 * share, 100 * shareOurs, 100 * aubioRight,
                    100 * oursRight);
            assertTrue(oursRight >= 0.95, "our beats against the known grid: " + oursRight);
            // aubio judges only where it tracks the known grid itself (on off-beat hats it was seen to lock onto them)
            if (aubioRight >= 0.80) {
                judged++;
                assertTrue(share >= 0.80 && shareOurs >= 0.80, String.format(Locale.ROOT, "agreement %.2f / %.2f", share, shareOurs));
            }
        }
        assertTrue(judged >= 1, "aubio tracked neither version of the song: no outside judgement at " + bpm + " BPM");
    }

    /** The share of {@code a}'s beats in [from, to] with one of {@code b}'s within 70 ms. */
    static double agreement(double[] a, double[] b, double from, double to) {
        int counted = 0;
        int agreed = 0;
        for (double t : a) {
            if (t < from || t > to) {
                continue;
            }
            counted++;
            if (BeatTrackerTest.nearest(b, t) <= 0.070) {
                agreed++;
            }
        }
        return agreed / (double) Math.max(1, counted);
    }

    static double[] aubioBeats(Path aubio, Path wav) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(aubio.toString(), "-i", wav.toString()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "aubiotrack did not finish");
        List<Double> beats = new ArrayList<>();
        for (String line : out.split("\n")) {
            try {
                beats.add(Double.parseDouble(line.trim()));
            } catch (NumberFormatException ignored) {
                // aubio prints nothing else on stdout; a blank line is skipped
            }
        }
        return beats.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double medianBpm(double[] beats) {
        if (beats.length < 3) {
            return 0;
        }
        double[] iv = new double[beats.length - 1];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = beats[i + 1] - beats[i];
        }
        java.util.Arrays.sort(iv);
        return 60 / iv[iv.length / 2];
    }
}
