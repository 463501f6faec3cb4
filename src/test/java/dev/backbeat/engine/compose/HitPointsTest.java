package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.synth.WavWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hit points: strong cuts off the grid are still marked by the music, and the plan says how. */
class HitPointsTest {

    @TempDir
    Path dir;

    @Test
    void strongCutsAreCaughtAndThePlanSaysHow() {
        Map<CutCatch.How, Integer> all = new EnumMap<>(CutCatch.How.class);
        int strong = 0, strongCaught = 0, offGridStrong = 0, offGridCaught = 0, strongOnGrid = 0;
        for (Style style : Style.values()) {
            for (int seed = 1; seed <= 3; seed++) {
                VideoProfile p = TestProfiles.shots(30, 1.5 + seed, 0.6, 0.3 + 0.2 * seed, 0.2, seed);
                // A tempo the user fixed: many cuts cannot sit on the grid.
                Brief brief = seed == 3 ? Brief.of(style, seed).withBpm(StyleLibrary.spec(style).minBpm() + 7) : Brief.of(style, seed);
                Composition c = new Composer().compose(p, brief);
                MusicPlan plan = c.plan();
                assertEquals(p.hardCuts().size(), plan.cutCatches().size(), "every hard cut is reported");
                BeatGrid g = c.score().grid();
                for (CutCatch k : plan.cutCatches()) {
                    all.merge(k.how(), 1, Integer::sum);
                    boolean onGrid = k.how() == CutCatch.How.BEAT || k.how() == CutCatch.How.OFF_BEAT;
                    if (k.strength() >= 0.5) {
                        strong++;
                        if (k.caught()) strongCaught++;
                        if (onGrid) strongOnGrid++;
                        if (!onGrid) {
                            offGridStrong++;
                            if (k.caught()) offGridCaught++;
                        }
                    }
                    if (!k.caught()) continue;
                    assertTrue(Math.abs(k.errorMs()) <= 50 + 1e-6, style + ": " + k + " is marked within 50 ms");
                    // A note starts where the plan says the cut is marked.
                    boolean sounded = c.score().notes().stream().anyMatch(n -> Math.abs(g.timeOf(n.beat()) - k.atSec()) <= 0.012);
                    assertTrue(sounded, style + ": a note marks " + k);
                    if (k.how() == CutCatch.How.STOP) {
                        double at = g.beatAt(k.atSec());
                        long inside = c.score().notes().stream().filter(n -> !n.accent() && n.beat() > at - 0.9 && n.beat() < at - 0.1).count();
                        assertEquals(0, inside, style + ": a beat of silence before " + k);
                    }
                    if (k.how() == CutCatch.How.CHORD_CHANGE) {
                        double at = g.beatAt(k.atSec());
                        assertTrue(c.chords().stream().anyMatch(ch -> Math.abs(ch.startBeat() - at) < 1e-6), style + ": a chord starts on " + k);
                    }
                }
                String text = plan.describe();
                assertTrue(text.contains("Hits:"), text);
                assertTrue(plan.toJson().contains("\"cutCatches\""));
            }
        }
        System.out.printf("hit points, all styles: %d of %d strong cuts caught (%.0f%%; on the grid alone, as before hit points: %.0f%%); "
                        + "strong cuts off the grid: %d of %d caught; by kind %s%n",
                strongCaught, strong, 100.0 * strongCaught / strong, 100.0 * strongOnGrid / strong, offGridCaught, offGridStrong, all);
        assertTrue(strongCaught >= 0.95 * strong, "95% of strong cuts caught");
        assertTrue(offGridStrong > 20 && offGridCaught >= 0.9 * offGridStrong, "strong cuts off the grid are still marked");
    }

    @Test
    void cutsOffTheGridAreHeardWhereTheyFall() throws Exception {
        Assumptions.assumeTrue(Aubio.available(), "aubio-tools is not installed: apt-get install aubio-tools");
        for (Style style : new Style[] {Style.POP, Style.CINEMATIC, Style.PIANO}) {
            VideoProfile p = TestProfiles.shots(30, 1.8, 0.6, 0.5, 0.2, 9);
            // At a fixed tempo most cuts fall between the beats.
            Pieces.Rendered r = Pieces.render(p, Brief.of(style, 2).withBpm(StyleLibrary.spec(style).minBpm() + 5));
            Path wav = dir.resolve(style + "-hits.wav");
            new WavWriter().write(r.music().mix(), wav);
            List<Double> onsets = Aubio.onsets(wav);
            List<Double> caught = new ArrayList<>();
            List<Double> control = new ArrayList<>();
            int offGrid = 0;
            for (CutCatch k : r.composition().plan().cutCatches()) {
                if (!k.caught() || k.how() == CutCatch.How.BEAT || k.how() == CutCatch.How.OFF_BEAT) continue;
                offGrid++;
                caught.add(k.timeSec());
                control.add(k.timeSec() + (caught.size() % 2 == 0 ? 0.2 : -0.2));
            }
            double heard = Aubio.rate(caught, onsets, 0.05);
            double off = Aubio.rate(control, onsets, 0.05);
            System.out.printf("hit points heard %-20s %2d cuts caught off the grid: onset heard %3.0f%%, off-grid control %3.0f%% (%s)%n",
                    style.label(), offGrid, 100 * heard, 100 * off, r.composition().plan().describe().lines()
                            .filter(l -> l.startsWith("Hits:")).findFirst().orElse(""));
            assertTrue(offGrid >= 4, style + ": the fixed tempo leaves cuts off the grid");
            assertTrue(heard >= 0.85, style + ": cuts caught off the grid are heard, " + heard);
            assertTrue(heard >= off + 0.3, style + ": clearly more than the control");
        }
    }
}
