package dev.backbeat.engine.produce;

/**
 * An echo that bounces between the sides (left, then right, then left…), each repeat darker than
 * the last: a mono send in, a stereo return added to the output. Its time is set in beats by the
 * style's preset.
 */
public final class PingPongDelay {
    private final float[] left;
    private final float[] right;
    private int at;
    private final float feedback;
    private final float level;
    private final float toneCoef;
    private float tone;

    public PingPongDelay(double seconds, double feedback, double level, double toneHz, double rate) {
        int len = Math.max(1, (int) Math.round(seconds * rate));
        left = new float[len];
        right = new float[len];
        this.feedback = (float) feedback;
        this.level = (float) level;
        toneCoef = (float) Math.exp(-2 * Math.PI * toneHz / rate);
    }

    /** Adds the echoes of {@code send[from..from+n)} into {@code outL}/{@code outR} at {@code outFrom}. */
    public void process(float[] send, int from, int n, float[] outL, float[] outR, int outFrom) {
        int len = left.length;
        int p = at;
        float t = tone;
        for (int i = 0; i < n; i++) {
            float yl = left[p];
            float yr = right[p];
            // the repeat coming back from the right is darkened before it returns on the left
            t = yr + toneCoef * (t - yr);
            if (t < 1e-20f && t > -1e-20f) t = 0;
            left[p] = send[from + i] + feedback * t;
            right[p] = feedback * yl;
            p = p + 1 == len ? 0 : p + 1;
            outL[outFrom + i] += level * yl;
            outR[outFrom + i] += level * yr;
        }
        at = p;
        tone = t;
    }
}
