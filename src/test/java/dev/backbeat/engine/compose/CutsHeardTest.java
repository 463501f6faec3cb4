package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import dev.backbeat.engine.synth.WavWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cuts heard on the music by an outside judge (aubio onset), against the same cuts moved off the grid. */
class CutsHeardTest {

    @TempDir
    Path dir;

    @Test
    void cutsLandOnOnsetsHeardInTheRenderedMusic() throws Exception {
        Assumptions.assumeTrue(Aubio.available(), "aubio-tools is not installed: apt-get install aubio-tools");
        double sumGrid = 0, sumHeard = 0, sumControl = 0;
        int n = 0;
        double worstHeard = 1, worstMargin = 1;
        for (Style style : Style.values()) {
            StyleSpec spec = StyleLibrary.spec(style);
            double bpm = spec.minBpm() + 0.6 * (spec.maxBpm() - spec.minBpm());
            VideoProfile p = TestProfiles.editedTo(20, bpm, 0.02, 0.6, 0.3, List.of(), style.ordinal() + 11);
            Pieces.Rendered r = Pieces.render(p, Brief.of(style, 5));
            Path wav = dir.resolve(style.name() + ".wav");
            new WavWriter().write(r.music().mix(), wav);
            List<Double> onsets = Aubio.onsets(wav);
            List<Double> cuts = new ArrayList<>();
            List<Double> control = new ArrayList<>();
            for (Cut c : p.hardCuts()) {
                cuts.add(c.timeSec());
                control.add(c.timeSec() + (cuts.size() % 2 == 0 ? 0.2 : -0.2));
            }
            double grid = r.composition().plan().hitRate();
            double heard = Aubio.rate(cuts, onsets, 0.05);
            double off = Aubio.rate(control, onsets, 0.05);
            System.out.printf("cuts heard %-20s %5.1f BPM  %2d cuts: on grid %3.0f%%, onset heard %3.0f%%, off-grid control %3.0f%%%n",
                    style.label(), r.composition().plan().bpm(), cuts.size(), 100 * grid, 100 * heard, 100 * off);
            sumGrid += grid;
            sumHeard += heard;
            sumControl += off;
            n++;
            worstHeard = Math.min(worstHeard, heard);
            worstMargin = Math.min(worstMargin, heard - off);
        }
        System.out.printf("cuts heard, all styles: on grid %.0f%%, onset heard %.0f%%, off-grid control %.0f%%%n",
                100 * sumGrid / n, 100 * sumHeard / n, 100 * sumControl / n);
        assertTrue(sumHeard / n >= 0.9, "90% of cuts should have an onset within 50 ms");
        assertTrue(worstHeard >= 0.8, "no style should hide its cuts, worst " + worstHeard);
        assertTrue(sumHeard / n - sumControl / n >= 0.25, "cuts should be heard clearly more often than off-grid times");
    }

    @Test
    void cutsNotEditedToABeatAreStillHeardMoreOftenThanChance() throws Exception {
        Assumptions.assumeTrue(Aubio.available(), "aubio-tools is not installed: apt-get install aubio-tools");
        double sumGrid = 0, sumHeard = 0, sumControl = 0;
        int n = 0;
        VideoProfile p = TestProfiles.irregular(30, 2.5, 0.55, 0.2, 21);
        for (Style style : Style.values()) {
            Pieces.Rendered r = Pieces.render(p, Brief.of(style, 5));
            Path wav = dir.resolve("irregular-" + style.name() + ".wav");
            new WavWriter().write(r.music().mix(), wav);
            List<Double> onsets = Aubio.onsets(wav);
            List<Double> cuts = new ArrayList<>();
            List<Double> control = new ArrayList<>();
            for (Cut c : p.hardCuts()) {
                cuts.add(c.timeSec());
                control.add(c.timeSec() + (cuts.size() % 2 == 0 ? 0.2 : -0.2));
            }
            MusicPlan plan = r.composition().plan();
            double heard = Aubio.rate(cuts, onsets, 0.05);
            double off = Aubio.rate(control, onsets, 0.05);
            System.out.printf("irregular cuts %-20s %5.1f BPM (%5.1f-%5.1f) %2d cuts: on grid %3.0f%% (on a beat %3.0f%%; "
                            + "%3.0f%% at one tempo), onset heard %3.0f%%, off-grid control %3.0f%%%n",
                    style.label(), plan.bpm(), plan.minBpm(), plan.maxBpm(), cuts.size(), 100 * plan.hitRate(),
                    100 * plan.beatHitRate(), 100 * plan.constantHitRate(), 100 * heard, 100 * off);
            assertTrue(heard > off + 0.2, style + ": cuts heard clearly more often than off-grid times");
            sumGrid += plan.hitRate();
            sumHeard += heard;
            sumControl += off;
            n++;
        }
        System.out.printf("irregular cuts, all styles: on grid %.0f%%, onset heard %.0f%%, off-grid control %.0f%%%n",
                100 * sumGrid / n, 100 * sumHeard / n, 100 * sumControl / n);
        assertTrue(sumHeard / n >= 0.9, "90% of irregular cuts should have an onset within 50 ms, was " + sumHeard / n);
        assertTrue(sumHeard / n - sumControl / n >= 0.4, "cuts heard clearly more often than off-grid times");
    }
}
