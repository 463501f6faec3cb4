package dev.backbeat.engine.produce;

/**
 * A stereo room: Jezar's Freeverb (eight damped feedback combs in parallel, then four
 * all-passes, per channel, the right channel's delays a little longer so the two sides
 * decorrelate), fed by a pre-delay and a band-limited send. Tunings are Freeverb's 44.1 kHz
 * ones scaled to the rate. Mono in (the send bus), stereo out (added to the output).
 */
public final class Reverb {
    private static final int[] COMBS = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
    private static final int[] ALLPASSES = {556, 441, 341, 225};
    private static final int SPREAD = 23;
    private static final float FIXED_GAIN = 0.015f;

    private final float[][] combL = new float[COMBS.length][];
    private final float[][] combR = new float[COMBS.length][];
    private final int[] combAtL = new int[COMBS.length];
    private final int[] combAtR = new int[COMBS.length];
    private final float[] storeL = new float[COMBS.length];
    private final float[] storeR = new float[COMBS.length];
    private final float[][] apL = new float[ALLPASSES.length][];
    private final float[][] apR = new float[ALLPASSES.length][];
    private final int[] apAtL = new int[ALLPASSES.length];
    private final int[] apAtR = new int[ALLPASSES.length];
    private final float feedback;
    private final float damp1;
    private final float damp2;
    private final float wet1;
    private final float wet2;
    private final float[] pre;
    private int preAt;
    private final float lowCoef;
    private final float highCoef;
    private float lowState;
    private float highIn;
    private float highOut;

    /**
     * @param room     0-1, the decay (Freeverb's room size)
     * @param damping  0-1, how fast the highs die away
     * @param width    0-1, how different the two sides are
     * @param level    the return's level
     * @param preDelayMs the gap before the room answers
     * @param lowCutHz the send's high-pass (keeps the bass out of the room)
     * @param highCutHz the send's low-pass
     */
    public Reverb(double room, double damping, double width, double level, double preDelayMs,
                  double lowCutHz, double highCutHz, double rate) {
        double scale = rate / 44_100.0;
        for (int k = 0; k < COMBS.length; k++) {
            combL[k] = new float[(int) Math.round(COMBS[k] * scale)];
            combR[k] = new float[(int) Math.round((COMBS[k] + SPREAD) * scale)];
        }
        for (int k = 0; k < ALLPASSES.length; k++) {
            apL[k] = new float[(int) Math.round(ALLPASSES[k] * scale)];
            apR[k] = new float[(int) Math.round((ALLPASSES[k] + SPREAD) * scale)];
        }
        feedback = (float) (room * 0.28 + 0.7);
        damp1 = (float) (damping * 0.4);
        damp2 = 1 - damp1;
        wet1 = (float) (level * (width / 2 + 0.5));
        wet2 = (float) (level * ((1 - width) / 2));
        pre = new float[Math.max(1, (int) Math.round(preDelayMs * rate / 1000))];
        lowCoef = (float) Math.exp(-2 * Math.PI * highCutHz / rate);
        highCoef = (float) Math.exp(-2 * Math.PI * lowCutHz / rate);
    }

    /** Adds the room's answer to {@code send[from..from+n)} into {@code outL}/{@code outR} at {@code outFrom}. */
    public void process(float[] send, int from, int n, float[] outL, float[] outR, int outFrom) {
        for (int i = 0; i < n; i++) {
            float x = pre[preAt];
            pre[preAt] = send[from + i];
            preAt = preAt + 1 == pre.length ? 0 : preAt + 1;
            // the send's band: a one-pole high pass, then a one-pole low pass
            highOut = highCoef * (highOut + x - highIn);
            highIn = x;
            lowState = highOut + lowCoef * (lowState - highOut);
            float in = lowState * FIXED_GAIN;
            float l = 0;
            float r = 0;
            for (int k = 0; k < COMBS.length; k++) {
                l += comb(combL[k], combAtL, storeL, k, in);
                r += comb(combR[k], combAtR, storeR, k, in);
            }
            for (int k = 0; k < ALLPASSES.length; k++) {
                l = allpass(apL[k], apAtL, k, l);
                r = allpass(apR[k], apAtR, k, r);
            }
            outL[outFrom + i] += l * wet1 + r * wet2;
            outR[outFrom + i] += r * wet1 + l * wet2;
        }
        if (Math.abs(lowState) < 1e-20f) lowState = 0;
        if (Math.abs(highOut) < 1e-20f) highOut = 0;
    }

    private float comb(float[] buf, int[] ats, float[] stores, int k, float in) {
        int at = ats[k];
        float out = buf[at];
        float store = out * damp2 + stores[k] * damp1;
        // a silent tail would otherwise decay into denormal numbers, which are slow
        if (store < 1e-20f && store > -1e-20f) store = 0;
        stores[k] = store;
        buf[at] = in + store * feedback;
        ats[k] = at + 1 == buf.length ? 0 : at + 1;
        return out;
    }

    private static float allpass(float[] buf, int[] ats, int k, float in) {
        int at = ats[k];
        float held = buf[at];
        float out = held - in;
        float next = in + held * 0.5f;
        if (next < 1e-20f && next > -1e-20f) next = 0;
        buf[at] = next;
        ats[k] = at + 1 == buf.length ? 0 : at + 1;
        return out;
    }
}
