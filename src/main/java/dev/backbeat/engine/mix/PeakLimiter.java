package dev.backbeat.engine.mix;

/**
 * A look-ahead true-peak limiter for a stereo stream: the gain falls before a peak arrives (5 ms
 * ahead) so nothing passes the ceiling, and recovers over {@code releaseSec}. Linked channels,
 * so the stereo image does not shift. Adds a latency of the look-ahead, which {@link #flush}
 * drains at the end.
 */
public final class PeakLimiter {
    private final float ceiling;
    private final int lookahead;
    private final double release;
    private final float[] delayL;
    private final float[] delayR;
    private final float[] peaks;
    /** A falling run of peaks (their slots in {@link #peaks}, and when each came): the window's maximum in O(1). */
    private final int[] queue;
    private final long[] queueAge;
    private int qHead;
    private int qSize;
    private final LoudnessMeasure.TruePeak truePeakL = new LoudnessMeasure.TruePeak();
    private final LoudnessMeasure.TruePeak truePeakR = new LoudnessMeasure.TruePeak();
    private int pos;
    private double gain = 1;
    private long seen;

    public PeakLimiter(double ceilingDb, int sampleRate, double releaseSec) {
        this.ceiling = (float) Math.pow(10, ceilingDb / 20);
        this.lookahead = Math.max(1, sampleRate / 200);
        this.release = 1 - Math.exp(-1.0 / (releaseSec * sampleRate));
        this.delayL = new float[lookahead];
        this.delayR = new float[lookahead];
        this.peaks = new float[lookahead];
        this.queue = new int[lookahead + 1];
        this.queueAge = new long[lookahead + 1];
    }

    /**
     * Processes {@code n} samples in place. The output lags the input by the look-ahead: the first
     * calls return silence for that long, and {@link #flush} gives the tail.
     */
    public void process(float[] left, float[] right, int n) {
        int size = queue.length;
        for (int i = 0; i < n; i++) {
            // peaks between samples count too (4x oversampled), so the true peak stays under the ceiling
            // (below the ceiling the exact value does not matter: the gain stays 1 either way)
            float peak = (float) Math.max(truePeakL.accept(left[i], ceiling), truePeakR.accept(right[i], ceiling));
            float outL = delayL[pos];
            float outR = delayR[pos];
            delayL[pos] = left[i];
            delayR[pos] = right[i];
            peaks[pos] = peak;
            int slot = pos;
            pos = pos + 1 == lookahead ? 0 : pos + 1;
            // the highest peak still in the look-ahead window sets the gain needed now; the queue holds
            // the slots of a falling run of peaks, oldest at its head
            while (qSize > 0) {
                int tail = qHead + qSize - 1;
                if (peaks[queue[tail >= size ? tail - size : tail]] > peak) {
                    break;
                }
                qSize--;
            }
            int at = qHead + qSize;
            at = at >= size ? at - size : at;
            queue[at] = slot;
            queueAge[at] = seen;
            qSize++;
            while (queueAge[qHead] <= seen - lookahead) {
                qHead = qHead + 1 == size ? 0 : qHead + 1;
                qSize--;
            }
            float windowPeak = peaks[queue[qHead]];
            double needed = windowPeak > ceiling ? ceiling / windowPeak : 1;
            gain = needed < gain ? needed : gain + (needed - gain) * release;
            if (seen++ < lookahead) {
                left[i] = 0;
                right[i] = 0;
            } else {
                left[i] = clamp((float) (outL * gain));
                right[i] = clamp((float) (outR * gain));
            }
        }
    }

    private float clamp(float v) {
        return Math.max(-ceiling, Math.min(ceiling, v));
    }

    /** The samples still held in the look-ahead, limited. */
    public float[][] flush() {
        int held = (int) Math.min(lookahead, seen);
        float[] l = new float[held];
        float[] r = new float[held];
        for (int i = 0; i < held; i++) {
            int k = (pos + lookahead - held + i) % lookahead;
            l[i] = clamp((float) (delayL[k] * gain));
            r[i] = clamp((float) (delayR[k] * gain));
        }
        return new float[][] {l, r};
    }

    /** The look-ahead in samples: how far the output lags the input. */
    public int latency() {
        return lookahead;
    }
}
