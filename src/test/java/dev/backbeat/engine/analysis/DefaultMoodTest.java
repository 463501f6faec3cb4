package dev.backbeat.engine.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sad and dark only where dark, slow and desaturated agree; everything else leans warm, and the line says why. */
class DefaultMoodTest {

    private static VideoProfile.Mood mood(double brightness, double saturation, double arousal) {
        double zb = (brightness - 0.45) / 0.18;
        double zs = (saturation - 0.35) / 0.2;
        double valence = Math.tanh(0.6 * (0.69 * zb + 0.22 * zs));
        List<VideoProfile.Shot> shots = List.of(new VideoProfile.Shot(0, 6, brightness, saturation, 0, valence, arousal, 0.1),
                new VideoProfile.Shot(6, 12, brightness, saturation, 0, valence, arousal, 0.1));
        double[] curve = new double[48];
        Arrays.fill(curve, arousal);
        double[] motion = new double[48];
        Arrays.fill(motion, 0.1);
        return MoodEstimator.estimate(shots, curve, motion, List.of(new VideoProfile.Interval(2, 5)), 12);
    }

    @Test
    void aDaylightPhoneMontageWithMutedColoursIsWarmNotSad() {
        VideoProfile.Mood m = mood(0.4, 0.15, 0.25);
        assertEquals("calm, warm", m.label(), m.explanation());
        assertTrue(m.valence() > 0.1, "a major key: " + m.valence());
        assertTrue(m.explanation().contains("not dark enough"), m.explanation());
    }

    @Test
    void darkSlowDesaturatedFootageStaysSad() {
        VideoProfile.Mood m = mood(0.12, 0.1, 0.2);
        assertEquals("sad, sombre", m.label());
        assertTrue(m.valence() < -0.12);
        assertTrue(m.explanation().contains("dark, slow and desaturated together"), m.explanation());
    }

    @Test
    void darkFastFootageStaysTenseAndMidLitFastFootageIsEnergetic() {
        assertEquals("tense, dramatic", mood(0.15, 0.3, 0.7).label());
        assertEquals("energetic, happy", mood(0.38, 0.25, 0.7).label());
    }
}
