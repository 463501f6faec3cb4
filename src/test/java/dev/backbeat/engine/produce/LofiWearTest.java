package dev.backbeat.engine.produce;

import org.junit.jupiter.api.Test;

import static dev.backbeat.engine.produce.Signals.RATE;
import static dev.backbeat.engine.produce.Signals.rms;
import static dev.backbeat.engine.produce.Signals.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lo-fi's wear: tape wow and flutter, a record's noise. */
class LofiWearTest {
    private static final int N = 4 * 48_000;

    @Test
    void wowBendsThePitchByAFewCentsAndNoMore() {
        float[] l = sine(1000, 0.5, N);
        float[] r = l.clone();
        new WowAndFlutter(1.1, 0.05, RATE).process(l, r, 0, N);
        // the period between rising zero crossings, as cents away from 1 kHz
        double min = 0, max = 0;
        double last = -1;
        for (int i = 1000; i < N; i++) {
            if (l[i - 1] < 0 && l[i] >= 0) {
                double t = i - 1 + l[i - 1] / (l[i - 1] - l[i]);
                if (last > 0) {
                    double cents = 1200 * Math.log((RATE / (t - last)) / 1000) / Math.log(2);
                    min = Math.min(min, cents);
                    max = Math.max(max, cents);
                }
                last = t;
            }
        }
        assertTrue(max > 3 && min < -3, "the pitch wavers: " + min + ".." + max + " cents");
        assertTrue(max < 15 && min > -15, "but only a little: " + min + ".." + max + " cents");
        assertEquals(rms(sine(1000, 0.5, N), 0, N), rms(l, 1000, N), 0.01, "the level is kept");
        Signals.sameInAnyBlocks(() -> new WowAndFlutter(1.1, 0.05, RATE), sine(300, 0.5, N / 4), sine(500, 0.5, N / 4));
    }

    @Test
    void vinylNoiseIsQuietSparseAndTheSameForTheSameSeed() {
        float[][] a = noise(7);
        float[][] b = noise(7);
        float[][] c = noise(8);
        assertArrayEquals(a[0], b[0]);
        assertFalse(java.util.Arrays.equals(a[0], c[0]), "another seed, other noise");
        double hiss = rms(a[0], 0, N);
        assertTrue(hiss > 0.0005 && hiss < 0.004, "hiss RMS near -60 dBFS: " + hiss);
        int crackles = 0;
        for (int i = 1; i < N; i++) if (Math.abs(a[0][i]) > 0.01 && Math.abs(a[0][i - 1]) <= 0.01) crackles++;
        assertTrue(crackles > 0 && crackles < 40, "sparse crackles: " + crackles + " in 4 s");
        assertFalse(java.util.Arrays.equals(a[0], a[1]), "each side its own");
    }

    private static float[][] noise(long seed) {
        float[][] x = new float[2][N];
        new VinylNoise(seed, 0.001, 0.05, 3, RATE).addTo(x[0], x[1], 0, N);
        return x;
    }
}
