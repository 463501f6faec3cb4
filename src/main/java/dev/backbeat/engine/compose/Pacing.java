package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How fast the footage is cut, and what that asks of the music. An editor who cuts every second
 * wants music whose beats or half-bars fall on those cuts; a composer reads the cut rate before the
 * colours. So the pace pulls the arousal up (fast cutting never gets a slow bed) and proposes the
 * tempo at which one cut spans a whole number of beats: 1, 2 (half a bar), 4 (a bar) or 8.
 *
 * @param medianCutSec the median time between hard cuts (0 when the clip has too few to say)
 * @param cuts         the hard cuts counted
 */
public record Pacing(double medianCutSec, int cuts) {

    /** Fewer cuts than this say nothing about an editor's rhythm. */
    static final int MIN_CUTS = 3;
    /** At or under this median shot length the clip reads as fast cutting. */
    public static final double FAST_SEC = 1.4;
    private static final int[] BEATS_PER_CUT = {1, 2, 4, 8};

    public static Pacing of(VideoProfile profile) {
        List<VideoProfile.Cut> hard = profile.hardCuts();
        if (hard.size() < MIN_CUTS) {
            return new Pacing(0, hard.size());
        }
        double[] gaps = new double[hard.size() - 1];
        for (int i = 1; i < hard.size(); i++) {
            gaps[i - 1] = hard.get(i).timeSec() - hard.get(i - 1).timeSec();
        }
        Arrays.sort(gaps);
        double median = gaps.length % 2 == 1 ? gaps[gaps.length / 2]
                : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2;
        return new Pacing(median, hard.size());
    }

    public boolean known() {
        return medianCutSec > 0;
    }

    public boolean fast() {
        return known() && medianCutSec <= FAST_SEC;
    }

    /** The arousal the cutting alone suggests: a cut every 0.5 s about 0.95, every second 0.8, every 4 s 0.38. */
    public double arousal() {
        if (!known()) {
            return 0;
        }
        return Math.max(0.1, Math.min(0.95, 0.8 - 0.21 * Math.log(medianCutSec) / Math.log(2)));
    }

    /** The footage's affect with its pace taken in: fast cutting lifts the arousal, slow cutting never lowers it. */
    public Affect pull(Affect a) {
        if (!known()) {
            return a;
        }
        return new Affect(a.valence(), Math.max(a.arousal(), 0.4 * a.arousal() + 0.6 * arousal()));
    }

    /**
     * The tempo near {@code target} at which one median shot spans 1, 2, 4 or 8 beats, if one lies
     * within 12 % of the band [lo, hi]; otherwise {@code target}.
     */
    public double tempoNear(double target, double lo, double hi) {
        if (!known()) {
            return target;
        }
        double best = target;
        double bestDistance = Double.MAX_VALUE;
        for (int n : BEATS_PER_CUT) {
            double bpm = 60.0 * n / medianCutSec;
            if (bpm < 0.88 * lo || bpm > 1.12 * hi || bpm < 40 || bpm > 220) {
                continue;
            }
            double d = Math.abs(Math.log(bpm / target));
            if (d < bestDistance) {
                bestDistance = d;
                best = bpm;
            }
        }
        return best;
    }

    /** How many beats one median shot spans at {@code bpm} (rounded), for the plan's reason line. */
    public long beatsPerCut(double bpm) {
        return known() ? Math.round(medianCutSec * bpm / 60) : 0;
    }

    /** "cuts every 0.95 s → 2 beats a cut", or "" when the clip has too few cuts to say. */
    public String describe(double bpm) {
        if (!known()) {
            return "";
        }
        long n = beatsPerCut(bpm);
        String span = n == 2 ? "a half-bar" : n == 4 ? "a bar" : n == 8 ? "two bars" : n + (n == 1 ? " beat" : " beats");
        return String.format(Locale.ROOT, "a cut every %.2f s → %s a cut", medianCutSec, span);
    }
}
