package dev.backbeat.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds fades and dissolves: spans where the picture changes a lot overall, in many small steps,
 * and where the middle frame is the mix of the two ends (what a cross-fade is, and what a pan or
 * moving subject is not).
 */
final class SoftTransitionFinder {

    private static final double MIN_CHANGE = 0.06;
    private static final double MAX_MIX_ERROR = 0.3;
    private static final double MAX_STEP_SHARE = 0.35;

    private final int span;
    private final byte[][] ring;
    private final FloatSeries steps = new FloatSeries();
    private final List<int[]> marked = new ArrayList<>();
    private final List<Double> markedChange = new ArrayList<>();
    private int count;

    SoftTransitionFinder(double fps) {
        span = (int) Math.max(4, Math.min(60, Math.round(0.5 * fps)));
        ring = new byte[span + 1][];
    }

    void accept(FrameFeatures frame) {
        ring[count % ring.length] = frame.luma;
        steps.add(frame.change);
        count++;
        if (count <= span) {
            return;
        }
        int end = count - 1;
        int start = end - span;
        byte[] a = ring[start % ring.length];
        byte[] b = ring[end % ring.length];
        double change = FrameFeatures.lumaDifference(a, b);
        if (change < MIN_CHANGE) {
            return;
        }
        double maxStep = 0;
        for (int i = start + 1; i <= end; i++) {
            maxStep = Math.max(maxStep, steps.get(i));
        }
        if (maxStep > MAX_STEP_SHARE * change) {
            return;
        }
        if (mixError(a, ring[(start + span / 2) % ring.length], b) < MAX_MIX_ERROR * change) {
            marked.add(new int[] {start, end});
            markedChange.add(change);
        }
    }

    /** How far the middle frame is from the average of the two ends, 0-1. */
    private static double mixError(byte[] a, byte[] mid, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(2 * (mid[i] & 0xff) - (a[i] & 0xff) - (b[i] & 0xff));
        }
        return sum / 2.0 / a.length / 255.0;
    }

    /** Soft transitions as {first frame, last frame, strength}, overlapping windows merged. */
    List<double[]> finish() {
        List<double[]> spans = new ArrayList<>();
        for (int i = 0; i < marked.size(); i++) {
            int[] w = marked.get(i);
            double change = markedChange.get(i);
            double[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && w[0] <= last[1]) {
                last[1] = Math.max(last[1], w[1]);
                last[2] = Math.max(last[2], change);
            } else {
                spans.add(new double[] {w[0], w[1], change});
            }
        }
        spans.forEach(this::tighten);
        return spans;
    }

    /** Overlapping windows reach past the fade on both sides; keep only the frames that take part in the change. */
    private void tighten(double[] span) {
        int from = (int) span[0];
        int to = (int) span[1];
        double max = 0;
        for (int i = from + 1; i <= to; i++) {
            max = Math.max(max, steps.get(i));
        }
        int first = -1;
        int last = -1;
        for (int i = from + 1; i <= to; i++) {
            if (steps.get(i) >= 0.25 * max) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first > 0) {
            span[0] = first - 1;
            span[1] = last;
        }
    }
}
