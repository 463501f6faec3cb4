package dev.backbeat.engine.compose;

import dev.backbeat.engine.analysis.VideoProfile;

/**
 * Where the tempo is looked for, and the fit found there. The mood sets a target inside the
 * style's band and a window around it (wide enough to catch the editor's rhythm, narrow enough
 * that calm stays slower than energetic). The footage's pace may propose a second window, around
 * the tempo at which one shot spans 1, 2, 4 or 8 beats: it wins when clearly more cuts land on
 * its grid (the trailer cut every second, scored at 79 BPM with half its cuts off the grid).
 * What the user asked for (a mood, a tempo, a band) keeps the mood's window alone.
 */
final class TempoBand {

    /** A fit and why its tempo was chosen ("" for the mood's own tempo). */
    record Choice(TempoFitter.Fit fit, String reason) {
    }

    /** How many more cuts (as a share) the pace's window must catch to win. */
    private static final double CLEARLY_BETTER = 0.05;

    private TempoBand() {
    }

    static Choice choose(VideoProfile profile, Brief brief, StyleSpec spec, Affect affect, Pacing pacing) {
        double target = spec.minBpm() + affect.arousal() * (spec.maxBpm() - spec.minBpm());
        // The local tempo may drift around the base tempo, but never out of the style's band.
        double floor = spec.minBpm();
        double ceil = spec.maxBpm();
        double[] window = window(target, spec);
        double lo = window[0];
        double hi = window[1];
        boolean asked = brief.mood() != null || brief.bpm() != null || brief.minBpm() != null || brief.maxBpm() != null;
        if (brief.minBpm() != null || brief.maxBpm() != null) {
            lo = brief.minBpm() != null ? brief.minBpm() : Math.min(lo, brief.maxBpm());
            hi = brief.maxBpm() != null ? brief.maxBpm() : Math.max(hi, brief.minBpm());
            target = Math.max(lo, Math.min(hi, target));
            // A band the user asked for holds for every beat.
            floor = lo;
            ceil = hi;
        }
        double maxChange = 0.10;
        if (brief.bpm() != null) {
            lo = hi = target = brief.bpm();
            maxChange = 0;
        }
        TempoFitter fitter = new TempoFitter(maxChange);
        TempoFitter.Fit moodFit = fitter.fit(profile.hardCuts(), profile.durationSec(), lo, hi, target, floor, ceil, spec.swing());
        if (asked || !pacing.known()) {
            return new Choice(moodFit, "");
        }
        Choice best = new Choice(moodFit, "");
        double paced = pacing.tempoNear(target, spec.minBpm(), spec.maxBpm());
        if (paced >= spec.minBpm() && paced <= spec.maxBpm() && (paced < lo || paced > hi)) {
            double[] w = window(paced, spec);
            best = better(best, fitter.fit(profile.hardCuts(), profile.durationSec(), w[0], w[1], paced, floor, ceil, spec.swing()), pacing);
        }
        if (pacing.fast() && best.fit().hitRate() < 0.9) {
            // fast cutting no single pace explains (irregular shots): the whole band, the mood's tempo only breaking ties
            best = better(best, fitter.fit(profile.hardCuts(), profile.durationSec(), spec.minBpm(), spec.maxBpm(), target, floor,
                    ceil, spec.swing()), pacing);
        }
        return best.reason().isEmpty() && paced >= lo && paced <= hi ? new Choice(best.fit(), pacing.describe(best.fit().grid().bpm())) : best;
    }

    /** The other fit when it clearly catches more cuts (or as many, clearly more of them on beats). */
    private static Choice better(Choice current, TempoFitter.Fit other, Pacing pacing) {
        TempoFitter.Fit now = current.fit();
        if (other.hitRate() > now.hitRate() + CLEARLY_BETTER
                || other.hitRate() >= now.hitRate() && other.beatHitRate() > now.beatHitRate() + CLEARLY_BETTER) {
            return new Choice(other, pacing.describe(other.grid().bpm()));
        }
        return current;
    }

    private static double[] window(double target, StyleSpec spec) {
        double half = Math.min(0.35 * (spec.maxBpm() - spec.minBpm()), Math.max(6, 0.12 * target));
        return new double[] {Math.max(spec.minBpm(), target - half), Math.min(spec.maxBpm(), target + half)};
    }
}
