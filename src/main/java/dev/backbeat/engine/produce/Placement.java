package dev.backbeat.engine.produce;

/**
 * Puts an instrument in the stereo picture: a width (side scaled, plus a mono-compatible
 * pseudo-stereo side made from the mid delayed a few milliseconds and high-passed, which cancels
 * when the two channels are summed) and a constant-power pan. A synthesizer voice is one mono
 * sample panned, so scaling its side alone cannot widen it.
 */
public final class Placement implements StereoProcessor {
    private final float gainLeft;
    private final float gainRight;
    private final float sideScale;
    private final float spread;
    private final float[] delay;
    private int at;
    private final float hpCoef;
    private float hpIn;
    private float hpOut;

    /**
     * @param pan    -1 left … +1 right
     * @param width  how much of the part's own side is kept (1 unchanged, 0 mono)
     * @param spread the pseudo-stereo side's level relative to the mid (0 none, ~0.3-0.6 a wide pad)
     */
    public Placement(double pan, double width, double spread, double delayMs, double rate) {
        this(pan, width, spread, delayMs, 300, rate);
    }

    /** As above, the pseudo side high-passed at {@code spreadLowHz} (below it the part stays mono). */
    public Placement(double pan, double width, double spread, double delayMs, double spreadLowHz, double rate) {
        double angle = (Math.max(-1, Math.min(1, pan)) + 1) * Math.PI / 4;
        gainLeft = (float) (Math.cos(angle) * Math.sqrt(2));
        gainRight = (float) (Math.sin(angle) * Math.sqrt(2));
        sideScale = (float) width;
        this.spread = (float) spread;
        delay = new float[Math.max(1, (int) Math.round(delayMs * rate / 1000))];
        // a one-pole high pass on the pseudo side, so the low end stays mono
        hpCoef = (float) Math.exp(-2 * Math.PI * spreadLowHz / rate);
    }

    @Override
    public void process(float[] left, float[] right, int from, int n) {
        float[] d = delay;
        int len = d.length;
        int p = at;
        float hi = hpIn;
        float ho = hpOut;
        for (int i = from; i < from + n; i++) {
            float m = 0.5f * (left[i] + right[i]);
            float s = 0.5f * (left[i] - right[i]) * sideScale;
            if (spread != 0f) {
                float old = d[p];
                d[p] = m;
                p = p + 1 == len ? 0 : p + 1;
                ho = hpCoef * (ho + old - hi);
                hi = old;
                s += spread * ho;
            }
            left[i] = (m + s) * gainLeft;
            right[i] = (m - s) * gainRight;
        }
        at = p;
        hpIn = hi;
        hpOut = ho;
    }
}
