package dev.backbeat.engine.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Motion intensity per step from frame differences of the downscaled luma, and "visual beats":
 * the peaks of motion saliency (the rise of motion from one step to the next), as CMT uses them.
 * A cut is a change of picture, not motion, so cut frames take the motion of the frame before.
 */
final class MotionMeter {

    /** Mean luma change at which motion reads as about 0.63 (a brisk pan at 96x54). */
    private static final double SCALE = 0.04;
    private static final double MIN_BEAT = 0.04;
    private static final double MIN_BEAT_GAP_SEC = 0.5;

    private final FloatSeries change = new FloatSeries();

    void accept(FrameFeatures frame) {
        change.add(frame.change);
    }

    /** Motion 0-1 per step. {@code cutFrames} holds the first frame of each new shot (hard or soft). */
    double[] motion(Set<Integer> cutFrames, FrameClock clock, double step, int steps) {
        float[] clean = new float[change.size()];
        for (int i = 0; i < clean.length; i++) {
            boolean cut = cutFrames.contains(i) || i == 0;
            clean[i] = cut ? (i > 0 ? clean[i - 1] : 0f) : change.get(i);
        }
        double[] motion = new double[steps];
        for (int s = 0; s < steps; s++) {
            int from = Math.min(clean.length, clock.firstFrameAtOrAfter(s * step));
            int to = Math.min(clean.length, clock.firstFrameAtOrAfter((s + 1) * step));
            if (to <= from) {
                motion[s] = s > 0 ? motion[s - 1] : 0;
                continue;
            }
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += clean[i];
            }
            motion[s] = 1 - Math.exp(-(sum / (to - from)) / SCALE);
        }
        return motion;
    }

    /** Times of motion-saliency peaks, at least half a second apart, the stronger kept. */
    static List<Double> visualBeats(double[] motion, double step) {
        int n = motion.length;
        double[] saliency = new double[n];
        double sum = 0;
        for (int i = 1; i < n; i++) {
            saliency[i] = Math.max(0, motion[i] - motion[i - 1]);
            sum += saliency[i];
        }
        double mean = n > 1 ? sum / (n - 1) : 0;
        double var = 0;
        for (int i = 1; i < n; i++) {
            var += (saliency[i] - mean) * (saliency[i] - mean);
        }
        double threshold = Math.max(MIN_BEAT, mean + 0.5 * Math.sqrt(n > 1 ? var / (n - 1) : 0));
        List<Double> beats = new ArrayList<>();
        double lastTime = -1e9;
        double lastValue = 0;
        for (int i = 1; i < n; i++) {
            boolean peak = saliency[i] >= threshold && saliency[i] >= saliency[i - 1]
                    && (i + 1 >= n || saliency[i] > saliency[i + 1]);
            if (!peak) {
                continue;
            }
            double t = i * step;
            if (t - lastTime < MIN_BEAT_GAP_SEC) {
                if (saliency[i] > lastValue) {
                    beats.set(beats.size() - 1, t);
                    lastTime = t;
                    lastValue = saliency[i];
                }
                continue;
            }
            beats.add(t);
            lastTime = t;
            lastValue = saliency[i];
        }
        return beats;
    }
}
