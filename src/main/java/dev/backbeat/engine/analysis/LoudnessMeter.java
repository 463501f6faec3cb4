package dev.backbeat.engine.analysis;

import dev.backbeat.engine.dsp.KWeighting;

/**
 * EBU R128 momentary loudness (400 ms window) of a mono signal, sampled every step. The signal
 * goes through the BS.1770 K-weighting (a high shelf then a high pass), designed here for the
 * actual sample rate from the analogue prototypes rather than copied as 48 kHz coefficients.
 */
final class LoudnessMeter {

    static final double SILENCE_LUFS = -70;
    private static final double BLOCK_SEC = 0.05;
    private static final int WINDOW_BLOCKS = 8;

    private final KWeighting weighting;
    private final int blockSamples;
    private final FloatSeries blockPower = new FloatSeries();
    private double sum;
    private int inBlock;

    LoudnessMeter(int sampleRate) {
        weighting = new KWeighting(sampleRate);
        blockSamples = (int) Math.round(sampleRate * BLOCK_SEC);
    }

    void accept(float[] samples, int n) {
        for (int i = 0; i < n; i++) {
            double y = weighting.next(samples[i]);
            sum += y * y;
            if (++inBlock == blockSamples) {
                blockPower.add(sum / blockSamples);
                sum = 0;
                inBlock = 0;
            }
        }
    }

    /** Momentary loudness (LUFS) of the 400 ms ending at the end of each step. */
    double[] momentary(double step, int steps) {
        int blocksPerStep = (int) Math.round(step / BLOCK_SEC);
        double[] lufs = new double[steps];
        for (int s = 0; s < steps; s++) {
            int end = Math.min(blockPower.size(), (s + 1) * blocksPerStep);
            double power = blockPower.mean(end - WINDOW_BLOCKS, end, 0);
            lufs[s] = power <= 0 ? SILENCE_LUFS : Math.max(SILENCE_LUFS, -0.691 + 10 * Math.log10(power));
        }
        return lufs;
    }
}
