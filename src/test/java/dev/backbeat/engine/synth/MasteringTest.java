package dev.backbeat.engine.synth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mastering limiter turns the gain down ahead of a peak, so it never has to clip. */
class MasteringTest {
    private static final int RATE = (int) GervillRenderer.RATE;

    @Test
    void aLoudBurstIsLimitedWithoutClipping() {
        int n = 2 * RATE;
        float[][] mix = new float[2][n];
        for (int i = 0; i < n; i++) {
            boolean burst = i >= RATE / 2 && i < RATE;
            float v = (float) ((burst ? 0.9 : 0.02) * Math.sin(2 * Math.PI * 440 * i / RATE));
            mix[0][i] = v;
            mix[1][i] = -v;
        }
        float[][] in = {mix[0].clone(), mix[1].clone()};
        // an RMS level that puts the burst far over the ceiling
        new Mastering().masterMix(mix, -6, 0.05);
        double ceiling = Math.pow(10, Mastering.CEILING_DB / 20);
        int flat = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(Math.abs(mix[0][i]) <= ceiling + 1e-6, "over the ceiling at " + i);
            if (i > 0 && Math.abs(Math.abs(mix[0][i]) - ceiling) < 1e-6 && Math.abs(Math.abs(mix[0][i - 1]) - ceiling) < 1e-6) {
                flat++;
            }
        }
        assertEquals(0, flat, "samples held flat at the ceiling (clipped)");
        // the gain is already down a millisecond before the burst starts
        int before = RATE / 2 - RATE / 1000;
        double gainBefore = mix[0][before] / in[0][before];
        double gainQuiet = mix[0][RATE / 4] / in[0][RATE / 4];
        assertTrue(gainBefore < 0.8 * gainQuiet, "gain before the burst " + gainBefore + " vs quiet " + gainQuiet);
        // and inside the burst the waveform is scaled, not squared off: the peaks reach the ceiling
        double peak = 0;
        for (int i = 3 * RATE / 4; i < RATE; i++) {
            peak = Math.max(peak, Math.abs(mix[0][i]));
        }
        assertTrue(peak > 0.9 * ceiling, "burst peak " + peak);
    }
}
