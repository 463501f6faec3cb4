package dev.backbeat.engine.dsp;

/**
 * The ITU-R BS.1770 K-weighting (a high shelf, then a high pass) for any sample rate, designed
 * from the analogue prototypes so that at 48 kHz it gives the standard's published coefficients.
 */
public final class KWeighting {
    private final Biquad shelf;
    private final Biquad highPass;

    public KWeighting(int sampleRate) {
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
    }

    /** The next weighted sample. */
    public double next(double x) {
        return highPass.next(shelf.next(x));
    }
}
