package dev.backbeat.engine.produce;

import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Generated test sound: sines, noise, impulses, and a check that a processor gives the same result in any blocks. */
final class Signals {
    static final double RATE = 48_000;

    private Signals() {
    }

    static float[] sine(double hz, double amp, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / RATE));
        return x;
    }

    static float[] noise(long seed, double amp, int n) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amp * (2 * r.nextDouble() - 1));
        return x;
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * (double) x[i];
        return Math.sqrt(s / Math.max(1, to - from));
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** The processor run over the whole buffer at once and over uneven blocks gives the same samples. */
    static void sameInAnyBlocks(Supplier<StereoProcessor> make, float[] left, float[] right) {
        float[] l1 = left.clone(), r1 = right.clone(), l2 = left.clone(), r2 = right.clone();
        make.get().process(l1, r1, 0, l1.length);
        StereoProcessor p = make.get();
        Random r = new Random(3);
        for (int at = 0; at < l2.length; ) {
            int n = Math.min(l2.length - at, 1 + r.nextInt(5000));
            p.process(l2, r2, at, n);
            at += n;
        }
        assertArrayEquals(l1, l2);
        assertArrayEquals(r1, r2);
    }
}
