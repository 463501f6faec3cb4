package dev.backbeat.engine.analysis;

import java.util.List;

/**
 * Arousal over time after Hanjalic &amp; Xu (2005): a weighted sum of motion, cut rhythm (shorter
 * shots excite more), sound energy and colour, smoothed with a long window so that the curve
 * follows scenes rather than single frames.
 */
final class ArousalCurve {

    private static final double W_MOTION = 0.35;
    private static final double W_CUTS = 0.30;
    private static final double W_SOUND = 0.20;
    private static final double W_COLOUR = 0.15;
    /** Shot length (s) over which the cut-rhythm term falls by 1/e. */
    private static final double SHOT_DECAY_SEC = 3.0;
    private static final double SMOOTH_SEC = 4.0;

    private ArousalCurve() {
    }

    static double[] compute(double[] motion, List<VideoProfile.Shot> shots, double[] loudness, boolean hasAudio,
                            double step) {
        int n = motion.length;
        double[] raw = new double[n];
        double soundWeight = hasAudio ? W_SOUND : 0;
        double total = W_MOTION + W_CUTS + soundWeight + W_COLOUR;
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) * step;
            VideoProfile.Shot shot = shotAt(shots, t);
            double cuts = shot == null ? 0 : cutRhythm(shot.endSec() - shot.startSec());
            double colour = shot == null ? 0.5 : ShotColours.colourArousal(shot);
            double sound = hasAudio ? soundEnergy(loudness[i]) : 0;
            raw[i] = (W_MOTION * motion[i] + W_CUTS * cuts + soundWeight * sound + W_COLOUR * colour) / total;
        }
        return smooth(raw, (int) Math.round(SMOOTH_SEC / step));
    }

    /** 1 for shots of half a second or less, falling towards 0 for long takes. */
    static double cutRhythm(double shotSec) {
        return Math.min(1, Math.exp((0.5 - shotSec) / SHOT_DECAY_SEC));
    }

    /** -50 LUFS and below reads as 0, -10 LUFS as 1. */
    static double soundEnergy(double lufs) {
        return Math.max(0, Math.min(1, (lufs + 50) / 40));
    }

    private static VideoProfile.Shot shotAt(List<VideoProfile.Shot> shots, double t) {
        for (VideoProfile.Shot s : shots) {
            if (t >= s.startSec() && t < s.endSec()) {
                return s;
            }
        }
        return shots.isEmpty() ? null : shots.get(shots.size() - 1);
    }

    /** A Hann window of {@code length} steps, renormalised at the edges. */
    static double[] smooth(double[] x, int length) {
        int half = Math.max(1, length / 2);
        double[] w = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            w[k + half] = 0.5 + 0.5 * Math.cos(Math.PI * k / (half + 1));
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            double weight = 0;
            for (int k = -half; k <= half; k++) {
                int j = i + k;
                if (j >= 0 && j < x.length) {
                    sum += w[k + half] * x[j];
                    weight += w[k + half];
                }
            }
            y[i] = Math.max(0, Math.min(1, sum / weight));
        }
        return y;
    }
}
