package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cut rate pulls the tempo and the style: cuts land on beats or half-bars, fast cutting gets driving music. */
class PacingTest {

    /** A dark trailer montage: 11 s, a cut every 0.8-1.1 s, read as tense (the case). */
    static VideoProfile trailer(long seed) {
        Random r = new Random(seed);
        List<Double> times = new ArrayList<>();
        for (double t = 0.9; t < 10.5; t += 0.8 + 0.3 * r.nextDouble()) {
            times.add(t);
        }
        return TestProfiles.profile(11, times, 0.45, -0.35, List.of(), seed);
    }

    @Test
    void aDarkFastCutMontageGetsADrivingStyleAtATempoWhereItsCutsSitOnTheGrid() {
        for (long seed = 1; seed <= 3; seed++) {
            MusicPlan plan = new Composer().compose(trailer(seed), Brief.of(null, 1)).plan();
            System.out.printf("trailer %d: %s %.1f BPM, %.0f%% of cuts on the grid%n", seed, plan.style(), plan.bpm(),
                    100 * plan.hitRate());
            assertNotEquals(Style.CINEMATIC, plan.style(), "not a slow ambient bed");
            assertNotEquals(Style.PIANO, plan.style());
            assertTrue(plan.bpm() >= 105 && plan.bpm() <= 140, "a cut every second or second beat: " + plan.bpm());
            assertTrue(plan.hitRate() >= 0.9, "cuts on the grid: " + plan.hitRate());
        }
    }

    @Test
    void aRegularCutEverySecondGetsATempoWithACutOnEveryBeatOrHalfBar() {
        List<Double> times = new ArrayList<>();
        for (double t = 1; t < 19; t += 1) {
            times.add(t);
        }
        MusicPlan plan = new Composer().compose(TestProfiles.profile(20, times, 0.4, 0.2, List.of(), 3), Brief.of(null, 1)).plan();
        double beatsPerCut = plan.bpm() / 60;
        assertEquals(Math.round(beatsPerCut), beatsPerCut, 0.05, "whole beats per cut at " + plan.bpm());
        assertTrue(plan.beatHitRate() >= 0.9, "on beats: " + plan.beatHitRate());
    }

    @Test
    void theUsersMoodStillWinsOverThePace() {
        MusicPlan plan = new Composer().compose(trailer(1), Brief.of(null, 1).withMood("calm")).plan();
        assertTrue(plan.style() == Style.PIANO || plan.style() == Style.LOFI, "calm asked for: " + plan.style());
    }

    @Test
    void pacingNamesTheBeatsPerCut() {
        Pacing p = new Pacing(1.0, 10);
        assertEquals(120, p.tempoNear(110, 100, 128), 1e-9);
        assertEquals("a cut every 1.00 s → a half-bar a cut", p.describe(120));
        assertTrue(p.fast());
        assertEquals(0.8, p.arousal(), 1e-9);
        assertEquals(90, new Pacing(0, 1).tempoNear(90, 60, 120), 1e-9, "too few cuts to say");
    }
}
