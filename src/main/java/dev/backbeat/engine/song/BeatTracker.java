package dev.backbeat.engine.song;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ellis's dynamic-programming beat tracker (D. Ellis, "Beat Tracking by Dynamic Programming",
 * J. New Music Research 36(1), 2007), as librosa implements it: each frame's best score is its
 * onset strength plus the best earlier score half a period to two periods back, less a cost for
 * straying from the period (tightness × log² of the ratio); the beats are the best path traced
 * back from the end. Beats at the silent edges are dropped.
 */
public final class BeatTracker {
    private static final double TIGHTNESS = 100;

    /** Beat frames (ascending) for an onset envelope and a period in frames. */
    public int[] track(double[] envelope, double period) {
        int n = envelope.length;
        if (n == 0 || period < 2) {
            return new int[0];
        }
        double[] local = localScore(envelope, period);
        double[] cum = new double[n];
        int[] back = new int[n];
        double maxLocal = Arrays.stream(local).max().orElse(0);
        int lo = (int) Math.round(2 * period);
        int hi = Math.max(1, (int) Math.round(period / 2));
        double[] cost = new double[lo + 1];
        for (int d = hi; d <= lo; d++) {
            double r = Math.log(d / period);
            cost[d] = TIGHTNESS * r * r;
        }
        for (int t = 0; t < n; t++) {
            double best = Double.NEGATIVE_INFINITY;
            int arg = -1;
            for (int tau = t - lo; tau <= t - hi; tau++) {
                if (tau < 0) {
                    continue;
                }
                double s = cum[tau] - cost[t - tau];
                if (s > best) {
                    best = s;
                    arg = tau;
                }
            }
            // a path may start anywhere the past has nothing better to offer
            if (arg < 0 || best < 0.01 * maxLocal) {
                cum[t] = local[t];
                back[t] = -1;
            } else {
                cum[t] = local[t] + best;
                back[t] = arg;
            }
        }
        int last = lastBeat(cum);
        List<Integer> beats = new ArrayList<>();
        for (int t = last; t >= 0; t = back[t]) {
            beats.add(t);
        }
        int[] out = new int[beats.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = beats.get(out.length - 1 - i);
        }
        return trim(out, local);
    }

    /** The envelope smoothed by a Gaussian a 32nd of a period wide, so near-misses still score. */
    static double[] localScore(double[] e, double period) {
        int half = (int) Math.ceil(period);
        double[] g = new double[2 * half + 1];
        for (int i = -half; i <= half; i++) {
            double x = i * 32.0 / period;
            g[i + half] = Math.exp(-0.5 * x * x);
        }
        double[] out = new double[e.length];
        for (int t = 0; t < e.length; t++) {
            double s = 0;
            for (int i = -half; i <= half; i++) {
                int k = t + i;
                if (k >= 0 && k < e.length && g[i + half] > 1e-4) {
                    s += e[k] * g[i + half];
                }
            }
            out[t] = s;
        }
        return out;
    }

    /** The last local maximum of the cumulative score that is at least half the median of them all. */
    private static int lastBeat(double[] cum) {
        List<Double> peaks = new ArrayList<>();
        for (int t = 1; t < cum.length - 1; t++) {
            if (cum[t] > cum[t - 1] && cum[t] >= cum[t + 1]) {
                peaks.add(cum[t]);
            }
        }
        if (peaks.isEmpty()) {
            return cum.length - 1;
        }
        double[] sorted = peaks.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        for (int t = cum.length - 2; t >= 1; t--) {
            if (cum[t] > cum[t - 1] && cum[t] >= cum[t + 1] && cum[t] >= 0.5 * median) {
                return t;
            }
        }
        return cum.length - 1;
    }

    /** Drops beats at either end whose onset strength is under half the beats' RMS (the tracker runs on through silence). */
    private static int[] trim(int[] beats, double[] local) {
        if (beats.length == 0) {
            return beats;
        }
        double sq = 0;
        for (int b : beats) {
            sq += local[b] * local[b];
        }
        // lower than librosa's half: a final chord over ringing notes has a weak flux but is the song's last beat
        double threshold = 0.25 * Math.sqrt(sq / beats.length);
        int a = 0;
        int z = beats.length;
        while (a < z && local[beats[a]] < threshold) {
            a++;
        }
        while (z > a && local[beats[z - 1]] < threshold) {
            z--;
        }
        return Arrays.copyOfRange(beats, a, z);
    }
}
