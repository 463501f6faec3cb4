package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.synth.Mastering;
import dev.backbeat.engine.synth.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndingAndSoundTest {

    @TempDir
    Path dir;

    @Test
    void musicEndsWithTheClipOnTheTonicWithoutClipping() throws Exception {
        for (Object[] c : new Object[][] {{Style.LOFI, 17.3}, {Style.CINEMATIC, 23.71}, {Style.PIANO, 12.05}}) {
            Style style = (Style) c[0];
            double duration = (double) c[1];
            VideoProfile p = TestProfiles.irregular(duration, 2.5, 0.5, 0.2, 8);
            Pieces.Rendered r = Pieces.render(p, Brief.of(style, 3));
            Path wav = dir.resolve(style + ".wav");
            new WavWriter().write(r.music().mix(), wav);
            long bytes = Files.size(wav) - 44;
            double seconds = bytes / 4.0 / 48000;
            assertEquals(duration, seconds, 0.15, "music length = clip length");

            Composition comp = r.composition();
            Note last = comp.score().notes().stream().filter(Note::pitched)
                    .max((x, y) -> Double.compare(x.beat(), y.beat())).orElseThrow();
            Chord finalChord = ChordProgression.at(comp.chords(), last.beat() + 0.01);
            assertEquals(comp.key().tonic(), finalChord.root(), style + ": the last chord is the tonic");
            double lastEnd = 0;
            for (Note n : comp.score().notes()) {
                lastEnd = Math.max(lastEnd, comp.score().grid().timeOf(n.beat() + n.length()));
            }
            assertTrue(lastEnd <= duration && lastEnd >= duration - 0.5,
                    style + ": the final chord is held to the end (ends " + lastEnd + " of " + duration + ")");

            float[] left = r.music().mix()[0];
            int n = left.length;
            double tail = rms(left, n - (int) (0.6 * 48000), n - (int) (0.15 * 48000));
            System.out.printf("ending %-10s %.2f s clip → %.3f s WAV, final chord %s, RMS before fade %.1f dBFS, last sample %.4f, peak %.2f dBFS%n",
                    style, duration, seconds, comp.key(), tail, left[n - 1], 20 * Math.log10(r.music().peak()));
            assertTrue(tail > -45, style + ": still sounding just before the end");
            assertTrue(Math.abs(left[n - 1]) < 1e-3, style + ": fades to silence on the last frame");
            double ceiling = Math.pow(10, Mastering.CEILING_DB / 20);
            assertTrue(r.music().peak() <= ceiling + 1e-6, "headroom kept");
            for (float[][] stem : r.music().stems().values()) {
                for (float[] ch : stem) for (float x : ch) assertTrue(Math.abs(x) < 1, "no clipped sample in a stem");
            }
        }
    }

    @Test
    void stemsAddUpToTheMix() {
        Pieces.Rendered r = Pieces.render(TestProfiles.irregular(10, 2, 0.6, 0.3, 2), Brief.of(Style.POP, 1));
        assertEquals(List.of("drums", "bass", "harmony", "melody"), List.copyOf(r.music().stems().keySet()));
        float[][] mix = r.music().mix();
        double maxErr = 0;
        for (int i = 0; i < mix[0].length; i += 7) {
            double s = 0;
            for (float[][] stem : r.music().stems().values()) s += stem[0][i];
            maxErr = Math.max(maxErr, Math.abs(s - mix[0][i]));
        }
        assertTrue(maxErr < 1e-4, "stems sum to the mix, error " + maxErr);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherPiece() throws Exception {
        VideoProfile p = TestProfiles.editedTo(12, 96, 0.02, 0.5, 0.2, List.of(), 6);
        Path a = dir.resolve("a.wav");
        Path b = dir.resolve("b.wav");
        Path c = dir.resolve("c.wav");
        new WavWriter().write(Pieces.render(p, Brief.of(Style.FOLK, 42)).music().mix(), a);
        new WavWriter().write(Pieces.render(p, Brief.of(Style.FOLK, 42)).music().mix(), b);
        Pieces.Rendered other = Pieces.render(p, Brief.of(Style.FOLK, 43));
        new WavWriter().write(other.music().mix(), c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same seed → byte-identical WAV");
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "another seed → another WAV");
        Composition first = new Composer().compose(p, Brief.of(Style.FOLK, 42));
        assertFalse(first.score().notes().equals(other.composition().score().notes()), "another seed → other notes");
    }

    private static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * (double) x[i];
        return 10 * Math.log10(s / (to - from) + 1e-20);
    }
}
