package dev.backbeat.engine.produce;

import org.junit.jupiter.api.Test;

import static dev.backbeat.engine.produce.Signals.RATE;
import static dev.backbeat.engine.produce.Signals.db;
import static dev.backbeat.engine.produce.Signals.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pump, the glue compressor and the tape clip, on steady sines. */
class DynamicsTest {
    private static final int N = 48_000;

    @Test
    void thePartDucksOnEveryKickAndSwellsBack() {
        float[] l = new float[N];
        float[] r = new float[N];
        java.util.Arrays.fill(l, 1f);
        java.util.Arrays.fill(r, 1f);
        int[] kicks = {12_000, 36_000};
        new SidechainPump(kicks, 0.5, 200, RATE).process(l, r, 0, N);
        assertEquals(1, l[11_999], 1e-6, "untouched before the first kick");
        int down = 12_000 + (int) (0.004 * RATE);
        assertEquals(0.5, l[down], 0.01, "down by the depth just after the kick");
        assertTrue(l[down + 4800] > 0.6 && l[down + 4800] < 0.95, "swelling back " + l[down + 4800]);
        assertEquals(1, l[down + 9700], 1e-3, "back after the release");
        assertEquals(0.5, l[36_000 + (int) (0.004 * RATE)], 0.01, "and again on the next kick");
        Signals.sameInAnyBlocks(() -> new SidechainPump(kicks, 0.5, 200, RATE), Signals.noise(1, 0.5, N), Signals.noise(2, 0.5, N));
    }

    @Test
    void glueTurnsLoudPassagesDownByTheRatioAndLeavesQuietOnesAlone() {
        BusCompressor c = new BusCompressor(-20, 4, 0, 5, 100, RATE);
        float[] loud = sine(200, 1.0, N);
        float[] g = new float[N];
        c.gains(loud, loud, 0, N, g);
        // a 0 dBFS peak is 20 dB over: turned down by 15 dB (a little less: the detector sags between the sine's peaks)
        assertEquals(-15, db(g[N - 1]), 1.0);
        BusCompressor quietComp = new BusCompressor(-20, 4, 0, 5, 100, RATE);
        float[] quiet = sine(200, 0.05, N);
        quietComp.gains(quiet, quiet, 0, N, g);
        assertEquals(1, g[N - 1], 1e-6);
        assertEquals(0, c.reductionDb(-30), 1e-9);
        assertEquals(7.5, c.reductionDb(-10), 1e-9);
        BusCompressor soft = new BusCompressor(-20, 4, 6, 5, 100, RATE);
        assertTrue(soft.reductionDb(-20) > 0 && soft.reductionDb(-20) < 1, "the knee starts below the threshold");
    }

    @Test
    void tapeLeavesSmallSignalsAndRoundsPeaks() {
        TapeSaturation t = new TapeSaturation(0.5);
        float[] x = {0.01f, -0.05f, 0.4f, 0.9f, 2f, -3f, 0f};
        float[] in = x.clone();
        float[] ratio = new float[x.length];
        t.process(x, 0, x.length, ratio);
        assertEquals(0.01, x[0], 1e-4);
        assertEquals(-0.05, x[1], 1e-3);
        assertTrue(x[3] < 0.9 && x[3] > x[2], "rounded, still rising");
        assertTrue(x[4] <= 0.5 + 1e-6 && x[4] > x[3], "never past the clip level");
        assertEquals(-0.5, x[5], 1e-6);
        for (int i = 0; i < x.length; i++) assertEquals(x[i], in[i] * ratio[i], 1e-6, "the gain reproduces the output");
        assertEquals(1, ratio[6], 0);
        for (float u = -4; u < 4; u += 0.01f) {
            assertTrue(TapeSaturation.curve(u + 0.01f) >= TapeSaturation.curve(u), "monotonic at " + u);
        }
    }
}
