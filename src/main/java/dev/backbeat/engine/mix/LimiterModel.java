package dev.backbeat.engine.mix;

import dev.backbeat.engine.dsp.KWeighting;

/**
 * Predicts the integrated loudness a mix will have after gain and the true-peak limiter, from one
 * pass over the unscaled mix: its K-weighted power and its true peak per millisecond. The
 * limiter's gain is simulated on the millisecond grid (instant attack with the same 5 ms
 * look-ahead, the same release), each millisecond's power is scaled by its squared gain, and the
 * result is gated and integrated as BS.1770 does. That lets the mixer choose the gain that lands on the target after limiting before it
 * encodes anything, instead of encoding, measuring and encoding again.
 */
final class LimiterModel {
    private static final int MS = AudioMixer.RATE / 1000;
    private static final int LOOKAHEAD_MS = 5;

    private final KWeighting weightL = new KWeighting(AudioMixer.RATE);
    private final KWeighting weightR = new KWeighting(AudioMixer.RATE);
    private final LoudnessMeasure.TruePeak peakL = new LoudnessMeasure.TruePeak();
    private final LoudnessMeasure.TruePeak peakR = new LoudnessMeasure.TruePeak();
    private float[] msPeak = new float[1 << 12];
    private double[] msPower = new double[1 << 12];
    private int msCount;
    private float peak;
    private double power;
    private int inMs;

    /** Takes the next block of the unscaled mix. */
    void accept(float[] left, float[] right, int n) {
        for (int i = 0; i < n; i++) {
            double p = Math.max(peakL.accept(left[i]), peakR.accept(right[i]));
            if (p > peak) {
                peak = (float) p;
            }
            double l = weightL.next(left[i]);
            double r = weightR.next(right[i]);
            power += l * l + r * r;
            if (++inMs == MS) {
                push();
            }
        }
    }

    private void push() {
        if (msCount == msPeak.length) {
            msPeak = java.util.Arrays.copyOf(msPeak, msPeak.length * 2);
            msPower = java.util.Arrays.copyOf(msPower, msPower.length * 2);
        }
        msPeak[msCount] = peak;
        msPower[msCount++] = power / MS;
        peak = 0;
        power = 0;
        inMs = 0;
    }

    /** The loudness of the unscaled, unlimited mix. */
    double unlimitedLufs() {
        return predictLufs(0, 1000, 1);
    }

    /** The predicted loudness after a gain (dB) and the limiter at {@code ceilingDb} dBTP, release {@code releaseSec}. */
    double predictLufs(double gainDb, double ceilingDb, double releaseSec) {
        double g = Math.pow(10, gainDb / 20);
        double ceiling = Math.pow(10, ceilingDb / 20);
        double release = 1 - Math.exp(-1.0 / (releaseSec * 1000));
        int msPerStep = LoudnessMeasure.STEP / MS;
        int steps = msCount / msPerStep;
        double gain = 1;
        double[] out = new double[steps];
        int ms = 0;
        for (int k = 0; k < steps; k++) {
            double sum = 0;
            for (int j = 0; j < msPerStep; j++, ms++) {
                double window = 0;
                for (int a = ms; a < Math.min(msCount, ms + LOOKAHEAD_MS + 1); a++) {
                    window = Math.max(window, msPeak[a]);
                }
                double needed = window * g > ceiling ? ceiling / (window * g) : 1;
                gain = needed < gain ? needed : gain + (needed - gain) * release;
                sum += msPower[ms] * gain * gain;
            }
            out[k] = g * g * sum / msPerStep;
        }
        return LoudnessMeasure.integrated(out);
    }

    /**
     * The gain (dB) whose predicted loudness after limiting is {@code targetLufs}, capped at
     * {@code maxGainDb}; the secant method on the model, a few steps.
     */
    double gainFor(double targetLufs, double ceilingDb, double releaseSec, double maxGainDb) {
        double unlimited = unlimitedLufs();
        if (unlimited <= -69) {
            return 0;
        }
        double g0 = Math.min(maxGainDb, targetLufs - unlimited);
        double l0 = predictLufs(g0, ceilingDb, releaseSec);
        double g1 = Math.min(maxGainDb, g0 + (targetLufs - l0));
        for (int i = 0; i < 8 && Math.abs(g1 - g0) > 0.01; i++) {
            double l1 = predictLufs(g1, ceilingDb, releaseSec);
            double slope = (l1 - l0) / (g1 - g0);
            double next = Math.min(maxGainDb, g1 + (targetLufs - l1) / Math.max(0.1, Math.min(1, slope)));
            g0 = g1;
            l0 = l1;
            g1 = next;
        }
        return g1;
    }
}
