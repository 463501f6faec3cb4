package dev.backbeat.engine.produce;

import org.junit.jupiter.api.Test;

import static dev.backbeat.engine.produce.Signals.RATE;
import static dev.backbeat.engine.produce.Signals.db;
import static dev.backbeat.engine.produce.Signals.rms;
import static dev.backbeat.engine.produce.Signals.sine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EQ's filters and the stereo placement, each on generated sines and noise. */
class FiltersAndPlacementTest {
    private static final int N = 48_000;

    private static double through(StereoFilter f, double hz) {
        float[] l = sine(hz, 0.5, N);
        float[] r = l.clone();
        f.process(l, r, 0, N);
        return db(rms(l, N / 2, N) / rms(sine(hz, 0.5, N), N / 2, N));
    }

    @Test
    void highPassCutsTheLowsAndKeepsTheRest() {
        assertTrue(through(StereoFilter.highPass(200, 0.707, RATE), 40) < -25, "40 Hz under a 200 Hz high pass");
        assertEquals(-3, through(StereoFilter.highPass(200, 0.707, RATE), 200), 0.3);
        assertEquals(0, through(StereoFilter.highPass(200, 0.707, RATE), 3000), 0.1);
    }

    @Test
    void lowPassAndPresenceShapeTheHighs() {
        assertTrue(through(StereoFilter.lowPass(6000, 0.707, RATE), 15000) < -15, "15 kHz under a 6 kHz low pass");
        assertEquals(0, through(StereoFilter.lowPass(6000, 0.707, RATE), 300), 0.1);
        assertEquals(3, through(StereoFilter.peak(3000, 1, 3, RATE), 3000), 0.2);
        assertEquals(0, through(StereoFilter.peak(3000, 1, 3, RATE), 100), 0.2);
        assertEquals(6, through(StereoFilter.highShelf(4000, 6, RATE), 16000), 0.5);
        assertEquals(3, db(StereoFilter.peak(3000, 1, 3, RATE).gainAt(3000, RATE)), 0.01);
    }

    @Test
    void filtersGiveTheSameSoundInAnyBlocks() {
        float[] l = Signals.noise(1, 0.5, N);
        float[] r = Signals.noise(2, 0.5, N);
        Signals.sameInAnyBlocks(() -> StereoFilter.highPass(150, 0.707, RATE), l, r);
        Signals.sameInAnyBlocks(() -> new Placement(0.3, 0.8, 0.5, 13, RATE), l, r);
    }

    @Test
    void panPutsAMonoPartOnOneSideWithConstantPower() {
        float[] l = sine(440, 0.5, N);
        float[] r = l.clone();
        new Placement(1, 1, 0, 10, RATE).process(l, r, 0, N);
        assertTrue(rms(l, 0, N) < 1e-6, "hard right leaves the left silent");
        assertEquals(0.5 / Math.sqrt(2) * Math.sqrt(2), rms(r, 0, N), 1e-3, "the power is kept");
    }

    @Test
    void widthZeroIsMonoAndSpreadWidensWithoutChangingTheMonoSum() {
        float[] l = sine(440, 0.5, N);
        float[] r = sine(440, 0.1, N);
        new Placement(0, 0, 0, 10, RATE).process(l, r, 0, N);
        for (int i = 0; i < N; i++) assertEquals(l[i], r[i], 1e-7);

        float[] pl = Signals.noise(5, 0.5, N);
        float[] pr = pl.clone();
        float[] mono = pl.clone();
        new Placement(0, 1, 0.6, 15, RATE).process(pl, pr, 0, N);
        double side = 0;
        for (int i = 0; i < N; i++) {
            assertEquals(mono[i], 0.5f * (pl[i] + pr[i]), 1e-6, "the mono sum is the part itself");
            side += Math.pow((pl[i] - pr[i]) / 2, 2);
        }
        double width = side / Math.pow(rms(mono, 0, N), 2) / N;
        assertTrue(width > 0.15 && width < 0.4, "side/mid energy of a spread part " + width);
    }

    @Test
    void theTwoChannelLoopMatchesTheTextbookFilterSampleBySample() {
        // the filter runs left and right in one loop; the transposed direct form II, one channel
        // at a time, must give the same samples to the bit
        float[] l = Signals.noise(11, 0.5, 20_000);
        float[] r = Signals.noise(12, 0.5, 20_000);
        float[] l2 = l.clone();
        float[] r2 = r.clone();
        StereoFilter.peak(2500, 1.0, 4, Signals.RATE).process(l2, r2, 0, l2.length);
        double w = 2 * Math.PI * 2500 / Signals.RATE, a = Math.pow(10, 4 / 40.0), cos = Math.cos(w), alpha = Math.sin(w) / 2;
        double a0 = 1 + alpha / a;
        double[] c = {(1 + alpha * a) / a0, -2 * cos / a0, (1 - alpha * a) / a0, -2 * cos / a0, (1 - alpha / a) / a0};
        for (float[] x : new float[][] {l, r}) {
            double z1 = 0, z2 = 0;
            for (int i = 0; i < x.length; i++) {
                double in = x[i];
                double y = c[0] * in + z1;
                z1 = c[1] * in - c[3] * y + z2;
                z2 = c[2] * in - c[4] * y;
                x[i] = (float) y;
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(l, l2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(r, r2);
    }
}
