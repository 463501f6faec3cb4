package dev.backbeat.engine.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds hard cuts to the frame. Each frame gets a change score against the one before; a frame is
 * a cut when its score stands well above the scores around it (an adaptive threshold, so a fast
 * pan that changes every frame does not cut), and when the picture does not come back within a
 * few frames (so a flash of light, or a few flash frames, is not a cut).
 */
final class CutDetector {

    /** Below this a jump is encoder noise (a keyframe refresh scores about 0.13), not a cut. */
    private static final double MIN_SCORE = 0.2;
    private static final double RATIO = 3.0;
    private static final double MARGIN = 0.05;
    private static final double MAX_RISE = 0.5;
    /** A flash ends when the picture is back to within this share of the jump. */
    private static final double RETURN_SHARE = 0.45;
    private static final int RING = 64;

    private final double fps;
    private final int lookahead;
    private final int window;
    private final FrameFeatures[] ring = new FrameFeatures[RING];
    private final FloatSeries scores = new FloatSeries();
    private final BitSet flashes = new BitSet();
    private int count;

    CutDetector(double fps) {
        this.fps = fps;
        this.lookahead = (int) Math.max(3, Math.min(20, Math.round(0.2 * fps)));
        this.window = (int) Math.max(6, Math.min(60, Math.round(0.5 * fps)));
    }

    void accept(FrameFeatures frame) {
        ring[count % RING] = frame;
        scores.add(count == 0 ? 0 : FrameFeatures.distance(frame(count - 1), frame));
        count++;
        int candidate = count - 1 - lookahead;
        if (candidate >= 1) {
            checkFlash(candidate, count - 1);
        }
    }

    /** Hard cuts, each given as the frame index of the first frame of the new shot, with its score. */
    List<double[]> finish() {
        for (int c = Math.max(1, count - lookahead); c < count; c++) {
            checkFlash(c, count - 1);
        }
        List<double[]> cuts = new ArrayList<>();
        for (int n = 1; n < count; n++) {
            double s = scores.get(n);
            if (s < MIN_SCORE || flashes.get(n) || s <= neighbour(n - 1) || s < neighbour(n + 1)) {
                continue;
            }
            double median = localMedian(n);
            double threshold = Math.max(MIN_SCORE, Math.min(median + MAX_RISE, RATIO * median + MARGIN));
            if (s >= threshold) {
                cuts.add(new double[] {n, Math.min(1.0, s)});
            }
        }
        return cuts;
    }

    int frameCount() {
        return count;
    }

    double fps() {
        return fps;
    }

    private double neighbour(int n) {
        return n >= 1 && n < count ? scores.get(n) : 0;
    }

    private FrameFeatures frame(int index) {
        return ring[index % RING];
    }

    /** A jump at {@code c} is a flash if the picture before it comes back after it, or it returns to a picture seen just before. */
    private void checkFlash(int c, int last) {
        double s = scores.get(c);
        if (s < MIN_SCORE) {
            return;
        }
        FrameFeatures before = frame(c - 1);
        for (int j = c + 1; j <= Math.min(last, c + lookahead); j++) {
            if (FrameFeatures.distance(before, frame(j)) < RETURN_SHARE * s) {
                flashes.set(c);
                return;
            }
        }
        FrameFeatures after = frame(c);
        for (int k = Math.max(0, c - 1 - lookahead); k <= c - 2; k++) {
            if (count - 1 - k < RING && FrameFeatures.distance(frame(k), after) < RETURN_SHARE * s) {
                flashes.set(c);
                return;
            }
        }
    }

    private double localMedian(int n) {
        double[] around = new double[2 * window];
        int m = 0;
        for (int i = n - window; i <= n + window; i++) {
            if (i >= 1 && i < count && i != n) {
                around[m++] = scores.get(i);
            }
        }
        if (m == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(around, m);
        Arrays.sort(sorted);
        return sorted[m / 2];
    }
}
