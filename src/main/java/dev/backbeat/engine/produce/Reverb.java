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
        // four combs at a time: their feedback chains are independent, so the processor overlaps
        // them (one comb alone waits on its own multiply-add every sample); the sums into the wet
        // line keep the comb-by-comb order, so the output is the same to the last bit
        for (int k = 0; k < COMBS.length; k += 4) {
            combs4(combL, combAtL, k, storeL, in, wetL, n);
            combs4(combR, combAtR, k, storeR, in, wetR, n);
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

    /** Runs combs {@code k..k+3} over the block, in stretches where none of the four wraps. */
    private void combs4(float[][] bufs, int[] ats, int k, float[] stores, float[] in, float[] out, int n) {
        float[] b0 = bufs[k], b1 = bufs[k + 1], b2 = bufs[k + 2], b3 = bufs[k + 3];
        int a0 = ats[k], a1 = ats[k + 1], a2 = ats[k + 2], a3 = ats[k + 3];
        float s0 = stores[k], s1 = stores[k + 1], s2 = stores[k + 2], s3 = stores[k + 3];
        float fb = feedback;
        float d1 = damp1;
        float d2 = damp2;
        int i = 0;
        while (i < n) {
            int run = Math.min(n - i, Math.min(Math.min(b0.length - a0, b1.length - a1),
                    Math.min(b2.length - a2, b3.length - a3)));
            for (int j = 0; j < run; j++) {
                float x = in[i + j];
                float y0 = b0[a0 + j];
                float y1 = b1[a1 + j];
                float y2 = b2[a2 + j];
                float y3 = b3[a3 + j];
                s0 = y0 * d2 + s0 * d1;
                s1 = y1 * d2 + s1 * d1;
                s2 = y2 * d2 + s2 * d1;
                s3 = y3 * d2 + s3 * d1;
                b0[a0 + j] = x + s0 * fb;
                b1[a1 + j] = x + s1 * fb;
                b2[a2 + j] = x + s2 * fb;
                b3[a3 + j] = x + s3 * fb;
                out[i + j] = (((out[i + j] + y0) + y1) + y2) + y3;
            }
            i += run;
            a0 += run;
            a1 += run;
            a2 += run;
            a3 += run;
            if (a0 == b0.length) a0 = 0;
            if (a1 == b1.length) a1 = 0;
            if (a2 == b2.length) a2 = 0;
            if (a3 == b3.length) a3 = 0;
        }
        ats[k] = a0;
        ats[k + 1] = a1;
        ats[k + 2] = a2;
        ats[k + 3] = a3;
        // a silent tail would otherwise decay into denormal numbers, which are slow
        stores[k] = Math.abs(s0) < 1e-20f ? 0 : s0;
        stores[k + 1] = Math.abs(s1) < 1e-20f ? 0 : s1;
        stores[k + 2] = Math.abs(s2) < 1e-20f ? 0 : s2;
        stores[k + 3] = Math.abs(s3) < 1e-20f ? 0 : s3;
        for (int q = k; q < k + 4; q++) {
            if (Math.abs(bufs[q][0]) < 1e-25f) flushDenormals(bufs[q]);
        }
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
