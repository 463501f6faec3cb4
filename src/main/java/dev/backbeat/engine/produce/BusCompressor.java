package dev.backbeat.engine.produce;

/**
 * The glue on the whole mix: a stereo-linked compressor with a soft knee. It computes a gain
 * curve rather than changing samples itself, so the same gain can be applied to the mix and to
 * every stem (which then still add up). The gain is worked out every 16 samples and interpolated
 * between (a logarithm per sample would cost as much as a reverb).
 */
public final class BusCompressor {
    private static final int CONTROL = 16;
    private final double thresholdDb;
    private final double slope;
    private final double kneeDb;
    private final float attackCoef;
    private final float releaseCoef;
    private float envelope;
    private float gain = 1;

    public BusCompressor(double thresholdDb, double ratio, double kneeDb, double attackMs, double releaseMs, double rate) {
        this.thresholdDb = thresholdDb;
        this.slope = 1 - 1 / ratio;
        this.kneeDb = kneeDb;
        attackCoef = (float) (1 - Math.exp(-1 / (attackMs / 1000 * rate)));
        releaseCoef = (float) (1 - Math.exp(-1 / (releaseMs / 1000 * rate)));
    }

    /** Writes the gain for {@code left/right[from..from+n)} into {@code gains[0..n)}. */
    public void gains(float[] left, float[] right, int from, int n, float[] gains) {
        float env = envelope;
        float g = gain;
        for (int start = 0; start < n; start += CONTROL) {
            int end = Math.min(n, start + CONTROL);
            for (int i = start; i < end; i++) {
                float x = Math.max(Math.abs(left[from + i]), Math.abs(right[from + i]));
                env += (x > env ? attackCoef : releaseCoef) * (x - env);
            }
            float target = (float) Math.pow(10, -reductionDb(20 * Math.log10(env + 1e-12)) / 20);
            float step = (target - g) / (end - start);
            for (int i = start; i < end; i++) {
                g += step;
                gains[i] = g;
            }
        }
        envelope = env;
        gain = g;
    }

    /** How many dB a level is turned down. */
    double reductionDb(double levelDb) {
        double over = levelDb - thresholdDb;
        if (2 * over < -kneeDb) return 0;
        if (2 * over > kneeDb) return over * slope;
        double x = over + kneeDb / 2;
        return slope * x * x / (2 * kneeDb);
    }
}
