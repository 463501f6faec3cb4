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
    private float[] input = new float[0];
    private float[] wetL = new float[0];
    private float[] wetR = new float[0];
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
        if (input.length < n) {
            // grown once to the largest block asked for, then reused
            input = new float[n];
            wetL = new float[n];
            wetR = new float[n];
        }
        float[] in = input;
        float lo = lowState;
        float hi = highIn;
        float ho = highOut;
        for (int i = 0; i < n; i++) {
            float x = pre[preAt];
            pre[preAt] = send[from + i];
            preAt = preAt + 1 == pre.length ? 0 : preAt + 1;
            // the send's band: a one-pole high pass, then a one-pole low pass
            ho = highCoef * (ho + x - hi);
            hi = x;
            lo = ho + lowCoef * (lo - ho);
            in[i] = lo * FIXED_GAIN;
        }
        lowState = Math.abs(lo) < 1e-20f ? 0 : lo;
        highIn = hi;
        highOut = Math.abs(ho) < 1e-20f ? 0 : ho;
        java.util.Arrays.fill(wetL, 0, n, 0f);
        java.util.Arrays.fill(wetR, 0, n, 0f);
        // comb by comb over the whole block: each delay line stays in cache and its loop is tight
        for (int k = 0; k < COMBS.length; k++) {
            combAtL[k] = comb(combL[k], combAtL[k], k, storeL, in, wetL, n);
            combAtR[k] = comb(combR[k], combAtR[k], k, storeR, in, wetR, n);
        }
        for (int k = 0; k < ALLPASSES.length; k++) {
            apAtL[k] = allpass(apL[k], apAtL[k], wetL, n);
            apAtR[k] = allpass(apR[k], apAtR[k], wetR, n);
        }
        float w1 = wet1;
        float w2 = wet2;
        for (int i = 0; i < n; i++) {
            float l = wetL[i];
            float r = wetR[i];
            outL[outFrom + i] += l * w1 + r * w2;
            outR[outFrom + i] += r * w1 + l * w2;
        }
    }

    private int comb(float[] buf, int at, int k, float[] stores, float[] in, float[] out, int n) {
        float store = stores[k];
        float fb = feedback;
        float d1 = damp1;
        float d2 = damp2;
        int len = buf.length;
        for (int i = 0; i < n; i++) {
            float y = buf[at];
            store = y * d2 + store * d1;
            buf[at] = in[i] + store * fb;
            out[i] += y;
            if (++at == len) at = 0;
        }
        // a silent tail would otherwise decay into denormal numbers, which are slow
        stores[k] = Math.abs(store) < 1e-20f ? 0 : store;
        if (Math.abs(buf[0]) < 1e-25f) flushDenormals(buf);
        return at;
    }

    private static int allpass(float[] buf, int at, float[] x, int n) {
        int len = buf.length;
        for (int i = 0; i < n; i++) {
            float held = buf[at];
            float in = x[i];
            x[i] = held - in;
            buf[at] = in + held * 0.5f;
            if (++at == len) at = 0;
        }
        if (Math.abs(buf[0]) < 1e-25f) flushDenormals(buf);
        return at;
    }

    /** Zeroes a delay line's numbers too small to hear (denormals slow every later operation on them). */
    private static void flushDenormals(float[] buf) {
        for (int i = 0; i < buf.length; i++) {
            if (Math.abs(buf[i]) < 1e-25f) buf[i] = 0;
        }
    }
}
