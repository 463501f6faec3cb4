package dev.backbeat.engine.song;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corrections of the tracked pulse, on envelopes made by hand (beats every 40 frames). */
class MetricLevelTest {
    private static int[] beats() {
        int[] b = new int[40];
        for (int i = 0; i < b.length; i++) {
            b[i] = 20 + 40 * i;
        }
        return b;
    }

    private static double[] envelope(double onBeat, double onMid, double oddBeat) {
        double[] e = new double[1700];
        for (int i = 0; i < 40; i++) {
            e[20 + 40 * i] = i % 2 == 0 ? onBeat : oddBeat;
            e[40 + 40 * i] = onMid;
        }
        return e;
    }

    @Test
    void offBeatsStrongerThanTheBeatsAreMovedHalfABeat() {
        MetricLevel.Decision d = MetricLevel.decide(envelope(1, 2, 1), beats(), 130, 60, 180);
        assertEquals(1, d.factor());
        assertTrue(d.shiftHalf());
    }

    @Test
    void aBackbeatTrackedAtHalfSpeedIsDoubled() {
        MetricLevel.Decision d = MetricLevel.decide(envelope(1, 0.9, 1), beats(), 75, 60, 180);
        assertEquals(2, d.factor());
    }

    @Test
    void eighthsWithNothingBetweenAreHalved() {
        MetricLevel.Decision d = MetricLevel.decide(envelope(1, 0.1, 0.2), beats(), 144, 60, 180);
        assertEquals(0.5, d.factor());
    }

    @Test
    void aClearPulseIsLeftAlone() {
        MetricLevel.Decision d = MetricLevel.decide(envelope(1, 0.3, 0.8), beats(), 97, 60, 180);
        assertEquals(1, d.factor());
        assertFalse(d.shiftHalf());
    }
}
