package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import dev.backbeat.engine.analysis.VideoProfile.Cut;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TempoFitterTest {

    @Test
    void cutsEditedToARhythmLandOnBeats() {
        double worst = 1;
        for (Style style : Style.values()) {
            StyleSpec spec = StyleLibrary.spec(style);
            for (int seed = 1; seed <= 3; seed++) {
                // The editor cut to a tempo the style plays, a little loosely (±25 ms).
                double bpm = spec.minBpm() + (spec.maxBpm() - spec.minBpm()) * (0.3 + 0.15 * seed);
                double arousal = (bpm - spec.minBpm()) / (spec.maxBpm() - spec.minBpm());
                VideoProfile p = TestProfiles.editedTo(30, bpm, 0.025, arousal, 0.2, List.of(), seed);
                MusicPlan plan = new Composer().compose(p, Brief.of(style, seed)).plan();
                System.out.printf("grid fit %-20s edited at %5.1f BPM → %5.1f BPM, %2d cuts, %3.0f%% on a beat (%3.0f%% at one tempo)%n",
                        style.label(), bpm, plan.bpm(), plan.hardCuts(), 100 * plan.hitRate(), 100 * plan.constantHitRate());
                worst = Math.min(worst, plan.hitRate());
            }
        }
        assertTrue(worst >= 0.9, "every clip cut to a rhythm should have 90% of its cuts on a beat, worst " + worst);
    }

    @Test
    void irregularCutsAreBentOntoTheGridWhereATempoChangeStaysSmall() {
        double sumConstant = 0;
        double sumBent = 0;
        int n = 0;
        for (int seed = 1; seed <= 6; seed++) {
            VideoProfile p = TestProfiles.irregular(40, 2.5, 0.5, 0, seed);
            MusicPlan plan = new Composer().compose(p, Brief.of(Style.POP, seed)).plan();
            sumConstant += plan.constantHitRate();
            sumBent += plan.hitRate();
            n++;
            assertTrue(plan.maxBpm() / plan.minBpm() <= 1.10 / 0.90 + 1e-6, "tempo bends stay within 10%");
        }
        System.out.printf("irregular cuts (not edited to a beat): %.0f%% on a beat at one tempo, %.0f%% with small bends%n",
                100 * sumConstant / n, 100 * sumBent / n);
        assertTrue(sumBent / n >= sumConstant / n + 0.2, "bending should put clearly more cuts on beats");
        assertTrue(sumBent / n >= 0.9, "at least 90% of irregular cuts on a beat, was " + sumBent / n);
    }

    @Test
    void strongCutsFallOnDownbeats() {
        List<Double> times = new ArrayList<>();
        for (int i = 1; i <= 10; i++) times.add(0.2 + i * 4 * 0.6);
        VideoProfile p = TestProfiles.profile(30, times, 0.5, 0.2, List.of(), 1);
        List<Cut> strong = new ArrayList<>();
        for (Cut c : p.cuts()) strong.add(new Cut(c.timeSec(), c.frame(), 0.95, false, 0));
        TempoFitter.Fit fit = new TempoFitter(0.08).fit(strong, 30, 95, 105, 100);
        int down = 0;
        for (Cut c : strong) if (fit.grid().isDownbeat(fit.grid().nearestBeat(c.timeSec()))) down++;
        assertEquals(1.0, fit.hitRate(), 1e-9);
        assertEquals(strong.size(), down, "strong cuts every 4 beats should all be downbeats");
        assertEquals(100, fit.grid().bpm(), 0.2);
    }

    @Test
    void anExactTempoIsKept() {
        VideoProfile p = TestProfiles.irregular(20, 2, 0.5, 0, 4);
        MusicPlan plan = new Composer().compose(p, Brief.of(Style.LOFI, 1).withBpm(84.0)).plan();
        assertEquals(84.0, plan.bpm(), 0.01);
        assertEquals(84.0, plan.minBpm(), 0.05);
        assertEquals(84.0, plan.maxBpm(), 0.05);
    }
}
