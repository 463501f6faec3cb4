package dev.backbeat.engine.song;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits a song without a beat (ambient, rubato, speech) so that it still keeps its start and its
 * own ending: a longer one loses the stretch between the two quietest moments that lie exactly
 * the excess apart; a shorter one is played whole as many times as fit, after a first, partial
 * play of its start. Joins are 300 ms equal-power crossfades (there is no bar line to hide a short one).
 */
final class QuietJoins {
    static final double CROSSFADE_SEC = 0.3;
    private static final double FRAME_SEC = OnsetEnvelope.HOP / (double) OnsetEnvelope.RATE;

    private QuietJoins() {
    }

    /** The plan, or null when the song is too close to the target (or too short) to be joined this way. */
    static SongFitter.Plan plan(float[] rms, double start0, double stop, double target) {
        double len = stop - start0;
        if (target < 4 || rms.length < 10) {
            return null;
        }
        if (len >= target + 1) {
            return cut(rms, start0, stop, target, len - target);
        }
        if (len < target - 1 && len >= 2) {
            int whole = (int) Math.floor(target / len);
            double first = target - whole * len;
            if (first < 1 && whole >= 2) {
                // a partial play shorter than a second would be a blip: it takes one whole play more
                first += len;
                whole--;
            }
            List<double[]> pieces = new ArrayList<>();
            if (first > 0.05) {
                pieces.add(new double[] {start0, start0 + first});
            }
            for (int i = 0; i < whole; i++) {
                pieces.add(new double[] {start0, stop});
            }
            return new SongFitter.Plan(pieces, 0, 0, String.format(Locale.ROOT, "no clear beat: played %d time%s whole%s,"
                            + " ending on its own ending", whole, whole == 1 ? "" : "s",
                    first > 0.05 ? String.format(Locale.ROOT, " after its first %.1f s", first) : ""), CROSSFADE_SEC);
        }
        return null;
    }

    /** Leaves at the quietest {@code a} such that {@code a + gap} is quiet too, keeping a little of the start and the ending. */
    private static SongFitter.Plan cut(float[] rms, double start0, double stop, double target, double gap) {
        double[] prefix = new double[rms.length + 1];
        for (int i = 0; i < rms.length; i++) {
            prefix[i + 1] = prefix[i] + rms[i];
        }
        double from = start0 + Math.min(3, target / 4);
        double to = stop - gap - Math.min(5, target / 3);
        double best = Double.MAX_VALUE;
        double bestAt = -1;
        for (double a = from; a <= to; a += FRAME_SEC) {
            double s = loudness(prefix, a) + loudness(prefix, a + gap);
            if (s < best) {
                best = s;
                bestAt = a;
            }
        }
        if (bestAt < 0) {
            return null;
        }
        List<double[]> pieces = List.of(new double[] {start0, bestAt}, new double[] {bestAt + gap, stop});
        return new SongFitter.Plan(pieces, 0, 0, String.format(Locale.ROOT, "no clear beat: %.1f-%.1f s left out where it"
                + " is quietest, keeping its own ending", bestAt, bestAt + gap), CROSSFADE_SEC);
    }

    /** The mean loudness over the 200 ms around a time. */
    private static double loudness(double[] prefix, double sec) {
        int n = prefix.length - 1;
        int c = OnsetEnvelope.frameAt(sec);
        int a = Math.max(0, Math.min(n, c - 9));
        int b = Math.max(0, Math.min(n, c + 9));
        return b > a ? (prefix[b] - prefix[a]) / (b - a) : Double.MAX_VALUE;
    }
}
