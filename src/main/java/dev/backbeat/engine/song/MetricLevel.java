package dev.backbeat.engine.song;

/**
 * Checks the pulse the tracker settled on against the levels either side: when the points halfway
 * between the beats are nearly as strong as the beats (a backbeat tracked at half speed), the
 * beat is twice as fast; when every other beat is far weaker (the hats' eighths tracked), it is
 * half as fast.
 */
final class MetricLevel {
    /** Midpoints this strong (relative to the beats) are beats themselves. */
    static final double MIDPOINTS_ARE_BEATS = 0.75;
    /** Every other beat this weak (relative to the others) is no beat. */
    static final double ALTERNATE_IS_OFFBEAT = 0.4;

    private MetricLevel() {
    }

    /** Midpoints with nothing much on them: the beats tracked may be the eighths of a slower pulse. */
    static final double MIDPOINTS_EMPTY = 0.5;
    /** Midpoints stronger than the beats (and no faster tempo possible): the off-beats were tracked. */
    static final double MIDPOINTS_STRONGER = 1.0;

    /** How to correct the tracked pulse: the tempo scaled by {@code factor}, or the beats moved half a beat. */
    record Decision(double factor, boolean shiftHalf) {
    }

    /**
     * 2 when the midpoints are as strong as the beats (a backbeat tracked at half speed), 0.5 when
     * every other beat is weak and nothing lies between them (the eighths tracked), never out of
     * {@code [minBpm, maxBpm]}; a half-beat shift when the midpoints carry more than the beats and
     * the tempo cannot double (off-beat hats or bass tracked in dance music). Judged on the envelope
     * under 1.5 kHz: hats on the off-beats would otherwise look like beats.
     */
    static Decision decide(double[] lowerEnvelope, int[] beats, double bpm, double minBpm, double maxBpm) {
        double[] r = ratios(lowerEnvelope, beats);
        if (r[0] > MIDPOINTS_ARE_BEATS && 2 * bpm <= maxBpm * 1.01) {
            return new Decision(2, false);
        }
        if (r[1] < ALTERNATE_IS_OFFBEAT && r[0] < MIDPOINTS_EMPTY && bpm / 2 >= minBpm * 0.99) {
            return new Decision(0.5, false);
        }
        return new Decision(1, r[0] > MIDPOINTS_STRONGER);
    }

    /** {mean strength halfway between beats / on them, mean strength of odd beats / even beats (the weaker over the stronger)}. */
    static double[] ratios(double[] env, int[] beats) {
        if (beats.length < 4) {
            return new double[] {0, 1};
        }
        double on = 0;
        double mid = 0;
        double even = 0;
        double odd = 0;
        for (int i = 0; i < beats.length; i++) {
            double s = peak(env, beats[i]);
            on += s;
            if (i % 2 == 0) {
                even += s;
            } else {
                odd += s;
            }
            if (i + 1 < beats.length) {
                mid += peak(env, (beats[i] + beats[i + 1]) / 2);
            }
        }
        on /= beats.length;
        mid /= beats.length - 1;
        double alt = Math.min(even, odd) / Math.max(1e-9, Math.max(even, odd));
        return new double[] {on <= 0 ? 0 : mid / on, alt};
    }

    private static double peak(double[] env, int at) {
        double p = 0;
        for (int k = at - 2; k <= at + 2; k++) {
            if (k >= 0 && k < env.length) {
                p = Math.max(p, env[k]);
            }
        }
        return p;
    }
}
