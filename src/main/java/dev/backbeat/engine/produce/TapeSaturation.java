package dev.backbeat.engine.produce;

/**
 * A tape-like soft clip: small signals pass unchanged, peaks are rounded off (a tanh curve), so
 * the limiter after it has less to do and the mix sounds denser. Written as a gain per sample and
 * channel (output over input) so the stems can be given the same change.
 */
public final class TapeSaturation {
    private final float drive;
    private final float inverse;

    /** @param clipLevel the level (linear) the curve rounds off towards; peaks above it are squeezed hardest */
    public TapeSaturation(double clipLevel) {
        drive = (float) (1 / clipLevel);
        inverse = (float) clipLevel;
    }

    /** Saturates {@code x[from..from+n)} in place and writes each sample's gain into {@code ratio[0..n)}. */
    public void process(float[] x, int from, int n, float[] ratio) {
        for (int i = 0; i < n; i++) {
            float v = x[from + i];
            float y = inverse * curve(v * drive);
            ratio[i] = v == 0f ? 1f : y / v;
            x[from + i] = y;
        }
    }

    /** tanh by its Padé form, exact enough (and smooth to the flat part) for |u| ≤ 3. */
    static float curve(float u) {
        if (u >= 3f) return 1f;
        if (u <= -3f) return -1f;
        float u2 = u * u;
        return u * (27f + u2) / (27f + 9f * u2);
    }
}
