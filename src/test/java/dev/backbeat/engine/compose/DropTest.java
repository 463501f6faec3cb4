package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.synth.WavWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A drop asked for in the chat: a build ends in a peak whose first downbeat is within one beat of the time asked. */
class DropTest {

    @TempDir
    Path dir;

    private static final double[] TIMES = {5.2, 8.3, 14.0, 19.7, 27.45, 33.1};

    @Test
    void theBuildEndsInAPeakWithinOneBeatOfTheAskedTimeInEveryStyle() {
        double worst = 0;
        double sum = 0;
        int n = 0;
        for (Style style : Style.values()) {
            StringBuilder line = new StringBuilder(String.format("drop %-20s", style.label()));
            for (int k = 0; k < TIMES.length; k++) {
                double t = TIMES[k];
                VideoProfile p = k % 2 == 0 ? TestProfiles.irregular(40, 2.5, 0.5, 0.2, k + 3)
                        : TestProfiles.editedTo(40, 104, 0.02, 0.6, 0.3, List.of(), k + 5);
                Composition c = new Composer().compose(p, Brief.of(style, k + 1).withDrops(List.of(t)));
                MusicPlan plan = c.plan();
                assertEquals(1, plan.drops().size());
                DropMark d = plan.drops().get(0);
                assertTrue(d.placed(), style + ": a drop at " + t + " s is placed");
                BeatGrid g = c.score().grid();
                double beatsOff = g.beatAt(d.atSec()) - g.beatAt(t);
                assertTrue(Math.abs(beatsOff) <= 1 + 1e-6, style + ": drop at " + t + " lands " + beatsOff + " beats off");
                assertEquals(beatsOff, d.errorBeats(), 1e-6, "the plan reports the error it has");
                int bar = DropPlacer.nearestBar(g, d.atSec());
                Section peak = plan.sections().stream().filter(s -> s.startBar() == bar).findFirst().orElseThrow();
                assertEquals(Section.Role.PEAK, peak.role(), style + ": a peak starts at the drop");
                Section build = plan.sections().stream().filter(s -> s.endBar() == bar).findFirst().orElseThrow();
                assertEquals(Section.Role.BUILD, build.role(), style + ": a build leads into the drop");
                assertTrue(peak.energy() > build.energy(), style + ": the peak has more energy than its build");
                int downbeat = g.barStart(bar);
                boolean hit = c.score().notes().stream().anyMatch(x -> x.accent() && Math.abs(x.beat() - downbeat) < 1e-9
                        && x.velocity() >= 100);
                assertTrue(hit, style + ": the drop's downbeat is hit");
                // The breath: nothing but the swell in the half-beat before the drop.
                long breath = c.score().notes().stream().filter(x -> !x.accent() && x.beat() >= downbeat - 0.45
                        && x.beat() < downbeat - 0.05).count();
                assertEquals(0, breath, style + ": a breath before the drop");
                worst = Math.max(worst, Math.abs(beatsOff));
                sum += Math.abs(beatsOff);
                n++;
                line.append(String.format("  %5.2f→%5.2f s (%+.2f beat)", t, d.atSec(), beatsOff));
            }
            System.out.println(line);
        }
        System.out.printf("drops, all styles: mean error %.2f beat, worst %.2f beat over %d drops%n", sum / n, worst, n);
    }

    @Test
    void twoDropsAndOneTooLateAreReported() {
        VideoProfile p = TestProfiles.irregular(30, 2.5, 0.5, 0.2, 4);
        Composition c = new Composer().compose(p, Brief.of(Style.HOUSE, 2).withDrops(List.of(9.0, 20.0, 29.9)));
        List<DropMark> drops = c.plan().drops();
        assertEquals(3, drops.size());
        assertTrue(drops.get(0).placed() && Math.abs(drops.get(0).errorBeats()) <= 1 + 1e-6, "first drop " + drops.get(0));
        assertTrue(drops.get(1).placed() && Math.abs(drops.get(1).errorBeats()) <= 2 + 1e-6, "second drop " + drops.get(1));
        assertTrue(!drops.get(2).placed(), "a drop in the last bar cannot be built to");
        String text = c.plan().describe();
        assertTrue(text.contains("Drop:     asked at 9.00 s"), text);
        assertTrue(c.plan().toJson().contains("\"drops\""));
    }

    @Test
    void theDropIsHeardWhereAsked() throws Exception {
        Assumptions.assumeTrue(Aubio.available(), "aubio-tools is not installed: apt-get install aubio-tools");
        for (Object[] row : new Object[][] {{Style.HOUSE, 14.0}, {Style.CINEMATIC, 11.3}, {Style.PIANO, 9.6}}) {
            Style style = (Style) row[0];
            double t = (double) row[1];
            VideoProfile p = TestProfiles.irregular(24, 3.5, 0.45, 0.2, 7);
            // the breath and the lift the arrangement writes, before the mix chain's room fills the breath
            Pieces.Rendered r = Pieces.renderDry(p, Brief.of(style, 3).withDrops(List.of(t)));
            Path wav = dir.resolve(style + "-drop.wav");
            new WavWriter().write(r.music().mix(), wav);
            double beat = 60 / r.composition().plan().bpm();
            List<Double> onsets = Aubio.onsets(wav);
            double nearest = onsets.stream().mapToDouble(o -> Math.abs(o - t)).min().orElse(99);
            float[] x = r.music().mix()[0];
            double at = r.composition().plan().drops().get(0).atSec();
            double before = rmsDb(x, at - 0.45 * beat, at - 0.05 * beat);
            double after = rmsDb(x, at, at + beat);
            double build = rmsDb(x, at - 8 * beat, at - 4 * beat);
            double peak = rmsDb(x, at, at + 4 * beat);
            System.out.printf("drop heard %-20s asked %.2f s: onset %.0f ms away (a beat is %.0f ms); RMS of the breath %.1f dB, "
                    + "the beat after %.1f dB; first bar of the build %.1f dB, first bar of the peak %.1f dB%n",
                    style.label(), t, 1000 * nearest, 1000 * beat, before, after, build, peak);
            assertTrue(nearest <= beat, style + ": an onset within a beat of the asked drop");
            if (style != Style.PIANO) {
                // a solo piano's notes ring through the breath (measured 1.4 dB with the FluidR3 piano): it is
                // judged by the onset and the lift alone
                assertTrue(after > before + 6, style + ": the drop is much louder than the breath before it");
            }
            assertTrue(peak > build + 1, style + ": the peak opens louder than the build did");
        }
    }

    private static double rmsDb(float[] x, double from, double to) {
        int a = (int) (from * 48000);
        int b = Math.min(x.length, (int) (to * 48000));
        double s = 0;
        for (int i = a; i < b; i++) s += x[i] * (double) x[i];
        return 10 * Math.log10(s / Math.max(1, b - a) + 1e-20);
    }
}
