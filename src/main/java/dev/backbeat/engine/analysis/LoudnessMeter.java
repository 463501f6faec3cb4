package dev.backbeat.engine.analysis;

/**
 * EBU R128 momentary loudness (400 ms window) of a mono signal, sampled every step. The signal
 * goes through the BS.1770 K-weighting (a high shelf then a high pass), designed here for the
 * actual sample rate from the analogue prototypes rather than copied as 48 kHz coefficients.
 */
final class LoudnessMeter {

    static final double SILENCE_LUFS = -70;
    private static final double BLOCK_SEC = 0.05;
    private static final int WINDOW_BLOCKS = 8;

    private final Biquad shelf;
    private final Biquad highPass;
    private final int blockSamples;
    private final FloatSeries blockPower = new FloatSeries();
    private double sum;
    private int inBlock;

    LoudnessMeter(int sampleRate) {
        double k = Math.tan(Math.PI * 1681.974450955533 / sampleRate);
        double q = 0.7071752369554196;
        double vh = Math.pow(10, 3.999843853973347 / 20);
        double vb = Math.pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        shelf = new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        k = Math.tan(Math.PI * 38.13547087602444 / sampleRate);
        q = 0.5003270373238773;
        a0 = 1 + k / q + k * k;
        highPass = new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        blockSamples = (int) Math.round(sampleRate * BLOCK_SEC);
    }

    void accept(float[] samples, int n) {
        for (int i = 0; i < n; i++) {
            double y = highPass.next(shelf.next(samples[i]));
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

    /** A second-order IIR section (transposed direct form II). */
    private static final class Biquad {
        private final double b0;
        private final double b1;
        private final double b2;
        private final double a1;
        private final double a2;
        private double z1;
        private double z2;

        Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        double next(double x) {
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            return y;
        }
    }
}
