package dev.backbeat.engine.mix;

import dev.backbeat.engine.dsp.KWeighting;

/**
 * Integrated loudness (ITU-R BS.1770-4 / EBU R128: K-weighting, 400 ms blocks with 75 % overlap,
 * absolute gate at -70 LUFS, relative gate 10 LU below) and true peak (4x oversampled) of a
 * 48 kHz stereo signal fed in chunks.
 */
public final class LoudnessMeasure {
    private static final int RATE = 48_000;
    static final int STEP = RATE / 10;        // 100 ms: blocks of 4 steps overlap by 75 %
    private final KWeighting[] weighting = {new KWeighting(RATE), new KWeighting(RATE)};
    private final TruePeak[] peak = {new TruePeak(), new TruePeak()};
    private final java.util.ArrayList<Double> stepPower = new java.util.ArrayList<>();
    private final boolean measurePeak;
    private double acc;
    private int inStep;

    public LoudnessMeasure() {
        this(true);
    }

    /** @param measurePeak false to measure loudness only (the true peak's oversampling is the costly part) */
    public LoudnessMeasure(boolean measurePeak) {
        this.measurePeak = measurePeak;
    }

    public void accept(float[] left, float[] right, int n) {
        for (int i = 0; i < n; i++) {
            double l = weighting[0].next(left[i]);
            double r = weighting[1].next(right[i]);
            acc += l * l + r * r;
            if (measurePeak) {
                peak[0].accept(left[i], peak[0].max);
                peak[1].accept(right[i], peak[1].max);
            }
            if (++inStep == STEP) {
                stepPower.add(acc / STEP);
                acc = 0;
                inStep = 0;
            }
        }
    }

    /** Integrated loudness in LUFS; -70 for silence. */
    public double integratedLufs() {
        return integrated(stepPowers());
    }

    /** The mean K-weighted power of each whole 100 ms step so far (the input to {@link #integrated}). */
    double[] stepPowers() {
        double[] p = new double[stepPower.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = stepPower.get(i);
        }
        return p;
    }

    /** Integrated loudness in LUFS from 100 ms step powers; -70 for silence. */
    static double integrated(double[] stepPower) {
        int blocks = stepPower.length - 3;
        if (blocks <= 0) {
            return -70;
        }
        double[] power = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            power[b] = (stepPower[b] + stepPower[b + 1] + stepPower[b + 2] + stepPower[b + 3]) / 4;
        }
        double absGate = Math.pow(10, (-70 + 0.691) / 10);
        double mean = gatedMean(power, absGate);
        if (mean <= 0) {
            return -70;
        }
        double relGate = mean * Math.pow(10, -10 / 10.0);
        double gated = gatedMean(power, Math.max(absGate, relGate));
        return gated <= 0 ? -70 : -0.691 + 10 * Math.log10(gated);
    }

    private static double gatedMean(double[] power, double gate) {
        double sum = 0;
        int n = 0;
        for (double p : power) {
            if (p > gate) {
                sum += p;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** True peak in dBTP over both channels. */
    public double truePeakDb() {
        double p = Math.max(peak[0].max, peak[1].max);
        return p <= 0 ? -120 : 20 * Math.log10(p);
    }

    /** 4x oversampling with a windowed-sinc interpolator (48 taps), as BS.1770-4 Annex 2 suggests. */
    static final class TruePeak {
        private static final int PHASES = 4;
        private static final int TAPS = 12;
        private static final double[][] KERNEL = kernel();
        // each sample is stored twice, TAPS apart, so the newest TAPS samples are always contiguous
        private final double[] history = new double[2 * TAPS];
        private int pos;
        private int sinceLoud = TAPS;
        double max;

        private static double[][] kernel() {
            double[][] k = new double[PHASES][TAPS];
            for (int p = 0; p < PHASES; p++) {
                for (int t = 0; t < TAPS; t++) {
                    double x = (t - TAPS / 2.0 + 1) - p / (double) PHASES;
                    double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
                    double w = 0.5 + 0.5 * Math.cos(Math.PI * x / (TAPS / 2.0 + 1));
                    k[p][t] = sinc * w;
                }
            }
            return k;
        }

        /** The largest gain of any phase of the interpolator: |interpolated| ≤ BOUND · max|sample in its window|. */
        private static final double BOUND = bound();

        private static double bound() {
            double b = 1;
            for (double[] k : KERNEL) {
                double sum = 0;
                for (double v : k) {
                    sum += Math.abs(v);
                }
                b = Math.max(b, sum);
            }
            return b;
        }

        /** Takes the next sample; returns the highest absolute value among it and the points interpolated before it. */
        double accept(double x) {
            return accept(x, 0);
        }

        /**
         * As {@link #accept(double)}, but where no interpolated point can pass {@code floor} the
         * interpolation is skipped and |x| returned: a caller that only cares about peaks above a
         * level (a limiter at its ceiling, a meter above its highest peak so far) gets the same
         * answer for less work.
         */
        double accept(double x, double floor) {
            history[pos] = x;
            history[pos + TAPS] = x;
            pos = pos + 1 == TAPS ? 0 : pos + 1;
            double local = Math.abs(x);
            // Samples since the last one that could lift an interpolated point over the floor (as the
            // floor was then: callers' floors never fall, so a sample below it stays below). When the
            // whole window is quiet, no interpolated point can pass the floor.
            if (local * BOUND > floor) {
                sinceLoud = 0;
            } else if (sinceLoud < TAPS) {
                sinceLoud++;
            }
            if (sinceLoud >= TAPS) {
                max = Math.max(max, local);
                return local;
            }
            for (int p = 1; p < PHASES; p++) {
                double[] k = KERNEL[p];
                double y = 0;
                for (int t = 0; t < TAPS; t++) {
                    y += k[t] * history[pos + t];
                }
                local = Math.max(local, Math.abs(y));
            }
            max = Math.max(max, local);
            return local;
        }
    }
}
